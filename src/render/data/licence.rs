//! The licences the open data may carry, with the names and addresses the
//! open-data page, the data package and the DCAT-AP_IT catalogue give.

use serde::Serialize;

use crate::model::DataLicense;

/// What is said of a licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Licence {
    /// `CC-BY-4.0`: the code in `cruscotto.yaml` and the data package.
    pub code: &'static str,
    /// The name in Italian, as the national catalogue's vocabulary gives it.
    pub name: &'static str,
    pub short_name: &'static str,
    pub version: &'static str,
    /// The licence's own text.
    pub url: &'static str,
    /// The concept in the Italian controlled vocabulary of licences.
    pub vocabulary: &'static str,
    /// The ADMS licence type (attribution, public domain, share-alike).
    pub kind: &'static str,
    /// What a reuser must do, in plain Italian.
    pub terms: &'static str,
}

const ATTRIBUTION: &str = "http://purl.org/adms/licencetype/Attribution";

pub fn of(license: DataLicense) -> Licence {
    match license {
        DataLicense::CcBy40 => Licence {
            code: license.code(),
            name: "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
            short_name: "CC BY 4.0",
            version: "4.0",
            url: "https://creativecommons.org/licenses/by/4.0/",
            vocabulary: "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40",
            kind: ATTRIBUTION,
            terms: "Puoi copiare, distribuire, modificare e riutilizzare i dati per qualsiasi scopo, anche commerciale, citando la fonte.",
        },
        DataLicense::Cc010 => Licence {
            code: license.code(),
            name: "Creative Commons CC0 1.0 Universale - Public Domain Dedication (CC0 1.0)",
            short_name: "CC0 1.0",
            version: "1.0",
            url: "https://creativecommons.org/publicdomain/zero/1.0/",
            vocabulary: "https://w3id.org/italia/controlled-vocabulary/licences/A11_CCO10",
            kind: "http://purl.org/adms/licencetype/PublicDomain",
            terms: "I dati sono di pubblico dominio: puoi riutilizzarli per qualsiasi scopo, anche commerciale, senza obblighi.",
        },
        DataLicense::CcBySa40 => Licence {
            code: license.code(),
            name: "Creative Commons Attribuzione-Condividi allo stesso modo 4.0 Internazionale (CC BY-SA 4.0)",
            short_name: "CC BY-SA 4.0",
            version: "4.0",
            url: "https://creativecommons.org/licenses/by-sa/4.0/",
            vocabulary: "https://w3id.org/italia/controlled-vocabulary/licences/A31_CCBYSA40",
            kind: "http://purl.org/adms/licencetype/ShareAlike",
            terms: "Puoi copiare, distribuire, modificare e riutilizzare i dati per qualsiasi scopo, anche commerciale, citando la fonte e pubblicando ciò che ne derivi con la stessa licenza.",
        },
        DataLicense::Iodl20 => Licence {
            code: license.code(),
            name: "Italian Open Data License 2.0 (IODL 2.0)",
            short_name: "IODL 2.0",
            version: "2.0",
            url: "https://www.dati.gov.it/content/italian-open-data-license-v20",
            vocabulary: "https://w3id.org/italia/controlled-vocabulary/licences/A29_IODL20",
            kind: ATTRIBUTION,
            terms: "Puoi copiare, distribuire, modificare e riutilizzare i dati per qualsiasi scopo, anche commerciale, citando la fonte.",
        },
    }
}

/// The licence as the data package and `piao.json` write it.
#[derive(Debug, Clone, Serialize)]
pub struct LicenceJson {
    pub name: &'static str,
    pub title: &'static str,
    pub path: &'static str,
}

pub fn json(license: DataLicense) -> LicenceJson {
    let licence = of(license);
    LicenceJson {
        name: licence.code,
        title: licence.name,
        path: licence.url,
    }
}
