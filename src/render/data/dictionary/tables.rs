//! The data files and their columns.

use super::{Codes, Field, ForeignKey, Table, boolean, date, integer, number, text};

/// Columns of the same name mean the same in every file.
mod column {
    use super::*;

    pub const OBJECTIVE_ID: Field = text(
        "objective_id",
        "Obiettivo",
        "Identificativo dell'obiettivo: è anche l'indirizzo della sua pagina (obiettivi/<id>/).",
    )
    .required();
    pub const OBJECTIVE_TITLE: Field = text(
        "objective_title",
        "Titolo dell'obiettivo",
        "Il titolo dell'obiettivo, come nel piano.",
    );
    pub const OBJECTIVE_KIND: Field = text(
        "objective_kind",
        "Tipo di obiettivo",
        "Il tipo di obiettivo.",
    )
    .codes(Codes::ObjectiveKind);
    pub const OBJECTIVE_LEVEL: Field = integer(
        "objective_level",
        "Livello",
        "Il livello dell'obiettivo nell'albero del piano: 1 per gli obiettivi che non discendono da altri (strategici e di ente), 2 per quelli che ne discendono (operativi), e così via.",
    );
    pub const PARENT_ID: Field = text(
        "parent_id",
        "Obiettivo di riferimento",
        "L'identificativo dell'obiettivo da cui l'obiettivo discende (vuoto per gli obiettivi di primo livello).",
    );
    pub const AMBITO: Field = text(
        "ambito",
        "Ambito",
        "Identificativo dell'ambito dell'obiettivo (per gli obiettivi operativi, quello dell'obiettivo di riferimento).",
    );
    pub const AMBITO_TITLE: Field = text(
        "ambito_title",
        "Titolo dell'ambito",
        "Il titolo dell'ambito.",
    );
    pub const SERVIZI: Field = text(
        "servizi",
        "Servizi",
        "Gli identificativi dei Servizi (uffici) responsabili dell'obiettivo, separati da punto e virgola.",
    );
    pub const SERVIZI_NAMES: Field = text(
        "servizi_names",
        "Nomi dei Servizi",
        "I nomi dei Servizi responsabili dell'obiettivo, separati da punto e virgola, nello stesso ordine di servizi.",
    );
    pub const PERIOD_START: Field = integer(
        "period_start",
        "Inizio del periodo",
        "Il primo anno del periodo dell'obiettivo.",
    )
    .unit("anno");
    pub const PERIOD_END: Field = integer(
        "period_end",
        "Fine del periodo",
        "L'ultimo anno del periodo dell'obiettivo.",
    )
    .unit("anno");
    pub const YEAR: Field = integer("year", "Anno", "L'anno a cui la riga si riferisce.")
        .unit("anno")
        .required();
    pub const IN_PERIOD: Field = boolean(
        "in_period",
        "Nel periodo",
        "true se l'anno cade nel periodo dell'obiettivo; false per gli anni della serie storica precedenti.",
    );
    pub const INDICATOR_ID: Field = text(
        "indicator_id",
        "Indicatore",
        "Identificativo dell'indicatore, unico nel sito.",
    )
    .required();
    pub const INDICATOR_NAME: Field = text(
        "indicator_name",
        "Nome dell'indicatore",
        "Il nome dell'indicatore, come nel piano.",
    );
    pub const UNIT: Field =
        text("unit", "Unità di misura", "L'unità di misura dei valori.").codes(Codes::Unit);
    pub const VALUE_STATUS: Field = text(
        "value_status",
        "Tipo di valore",
        "Se il valore è definitivo o una rilevazione di monitoraggio (vuoto quando non c'è un valore).",
    )
    .codes(Codes::ValueStatus);
    pub const AS_OF: Field = date(
        "as_of",
        "Data della rilevazione",
        "La data di una rilevazione di monitoraggio (vuota per un valore definitivo).",
    );
    pub const ACHIEVEMENT: Field = number(
        "achievement_pct",
        "Grado di raggiungimento",
        "Il grado di raggiungimento in percentuale, tra 0 e il tetto del sistema di misurazione: il valore che conta nelle medie. Vuoto quando il target non è valutabile.",
    )
    .unit("percentuale");
    pub const STATUS: Field = text(
        "status",
        "Stato",
        "L'esito rispetto al target (vuoto quando l'anno non ha un target).",
    )
    .codes(Codes::Status);
    pub const NOTE: Field = text(
        "note",
        "Nota",
        "L'etichetta della nota del piano che riporta fonte e serie storica (es. Nota 6).",
    );
    pub const SOURCE: Field = text("source", "Fonte", "La fonte dei dati, come nel piano.");
}

pub const INDICATORS: Table = Table {
    name: "indicatori",
    path: "dati/indicatori.csv",
    title: "Indicatori per anno",
    description: "Una riga per indicatore e anno con un target o un dato della serie storica: l'obiettivo, l'indicatore, il target (anche quello originario, se rivisto), il valore, le misure da cui si calcola, il grado di raggiungimento e lo stato.",
    fields: &[
        column::OBJECTIVE_ID,
        column::OBJECTIVE_TITLE,
        column::OBJECTIVE_KIND,
        column::OBJECTIVE_LEVEL,
        column::PARENT_ID,
        column::AMBITO,
        column::AMBITO_TITLE,
        column::SERVIZI,
        column::SERVIZI_NAMES,
        column::PERIOD_START,
        column::PERIOD_END,
        column::INDICATOR_ID,
        column::INDICATOR_NAME,
        boolean(
            "common",
            "Indicatore comune",
            "true per un indicatore comune a tutte le Camere di commercio (OC).",
        ),
        text("algorithm", "Algoritmo", "Come si calcola l'indicatore, in parole, come nel piano."),
        text(
            "formula",
            "Formula",
            "La formula con cui il valore è ricalcolato dalle misure (i nomi sono quelli della colonna measures).",
        ),
        column::YEAR,
        column::IN_PERIOD,
        column::UNIT,
        text("target_kind", "Tipo di target", "La forma del target in vigore.")
            .codes(Codes::TargetKind),
        text(
            "target_operator",
            "Operatore del target",
            "Il confronto che il valore deve soddisfare rispetto a target_value.",
        )
        .codes(Codes::Operator),
        number(
            "target_value",
            "Valore del target",
            "Il valore del target in vigore, nell'unità dell'indicatore; per i target di variazione la variazione richiesta, per quelli sulla media o su un benchmark il valore di confronto calcolato.",
        ),
        date("target_date", "Scadenza del target", "La data entro cui completare, per i target a scadenza."),
        number(
            "target_original_value",
            "Valore del target originario",
            "Il valore del target prima della revisione (vuoto se il target non è stato rivisto).",
        ),
        date(
            "target_original_date",
            "Scadenza originaria",
            "La scadenza prima della revisione (vuota se non è stata rivista).",
        ),
        text("target_text", "Target", "Il target in vigore, come scritto nel piano."),
        text(
            "target_original_text",
            "Target originario",
            "Il target originario, come scritto nel piano, quando è stato rivisto.",
        ),
        text(
            "target_revision_reason",
            "Motivo della revisione",
            "Perché il target è stato rivisto.",
        ),
        number(
            "value",
            "Valore",
            "Il valore ufficiale dell'indicatore nell'anno, nell'unità dell'indicatore: quello pubblicato, oppure quello calcolato dalle misure quando non è pubblicato.",
        ),
        date(
            "value_date",
            "Data di completamento",
            "Per gli indicatori a scadenza: la data in cui l'attività è stata completata.",
        ),
        column::VALUE_STATUS,
        column::AS_OF,
        number(
            "numerator",
            "Numeratore",
            "Il numeratore, per gli indicatori che sono un rapporto tra due misure.",
        ),
        number(
            "denominator",
            "Denominatore",
            "Il denominatore, per gli indicatori che sono un rapporto tra due misure.",
        ),
        text(
            "measures",
            "Misure",
            "Tutte le misure dell'anno, come nome=valore separati da punto e virgola (le etichette delle misure sono in serie-storiche.csv).",
        ),
        number(
            "printed_value",
            "Valore pubblicato",
            "Il valore come pubblicato nella fonte, quando è pubblicato.",
        ),
        boolean(
            "printed_mismatch",
            "Valore pubblicato non corrispondente",
            "true quando il valore pubblicato non corrisponde, entro il suo arrotondamento, al valore ricalcolato dalle misure.",
        ),
        number(
            "computed_value",
            "Valore ricalcolato",
            "Il valore ricalcolato dalle misure con la formula, come verifica.",
        ),
        text(
            "value_note",
            "Nota al valore",
            "Il testo pubblicato al posto di un valore (ND, non ancora disponibile...).",
        ),
        column::ACHIEVEMENT,
        number(
            "achievement_raw_pct",
            "Grado di raggiungimento calcolato",
            "Il grado di raggiungimento come calcolato, prima del tetto: può superare 100 o essere negativo.",
        )
        .unit("percentuale"),
        number(
            "deviation",
            "Scostamento",
            "Il valore meno il target, nell'unità dell'indicatore.",
        ),
        column::STATUS,
        text(
            "not_assessable_reason",
            "Motivo della non valutabilità",
            "Perché il target dell'anno non è valutabile (solo per lo stato non_valutabile).",
        )
        .codes(Codes::Reason),
        text(
            "neutralisation_reason",
            "Motivo della neutralizzazione",
            "Il motivo per cui il target è stato neutralizzato formalmente.",
        ),
        text(
            "cause",
            "Causa dello scostamento",
            "Perché il risultato si discosta dal target.",
        ),
        text("action", "Azione correttiva", "Che cosa l'ente fa per recuperare lo scostamento."),
        column::NOTE,
        column::SOURCE,
    ],
    primary_key: &["indicator_id", "year"],
    foreign_keys: &[ForeignKey {
        fields: &["objective_id", "year"],
        table: "obiettivi",
        reference: &["objective_id", "year"],
    }],
};

pub const OBJECTIVES: Table = Table {
    name: "obiettivi",
    path: "dati/obiettivi.csv",
    title: "Obiettivi per anno",
    description: "Una riga per obiettivo e anno (ogni anno del suo periodo e ogni anno in cui i suoi indicatori hanno un target o un dato): tipo, ambito, obiettivo di riferimento, Servizi, peso, grado di raggiungimento, stato e conteggio dei target per esito.",
    fields: &[
        column::OBJECTIVE_ID,
        column::OBJECTIVE_TITLE,
        column::OBJECTIVE_KIND,
        column::OBJECTIVE_LEVEL,
        column::PARENT_ID,
        column::AMBITO,
        column::AMBITO_TITLE,
        column::SERVIZI,
        column::SERVIZI_NAMES,
        text(
            "owners",
            "Responsabili come stampati",
            "I responsabili come stampati nel piano.",
        ),
        column::PERIOD_START,
        column::PERIOD_END,
        boolean(
            "new",
            "Nuovo",
            "true per un obiettivo nuovo in questa edizione del piano.",
        ),
        number(
            "weight",
            "Peso",
            "Il peso dell'obiettivo nella media del suo ambito.",
        ),
        column::YEAR,
        column::IN_PERIOD,
        integer(
            "indicators",
            "Indicatori",
            "Il numero degli indicatori dell'obiettivo.",
        ),
        integer(
            "indicators_with_value",
            "Indicatori con un valore",
            "Quanti indicatori dell'obiettivo hanno un valore nell'anno.",
        ),
        column::ACHIEVEMENT,
        column::STATUS,
        integer("targets", "Target", "Il numero dei target dell'anno."),
        integer(
            "targets_reached",
            "Target raggiunti",
            "Quanti target dell'anno sono raggiunti.",
        ),
        integer(
            "targets_partly_reached",
            "Target parzialmente raggiunti",
            "Quanti target dell'anno sono parzialmente raggiunti.",
        ),
        integer(
            "targets_missed",
            "Target non raggiunti",
            "Quanti target dell'anno non sono raggiunti.",
        ),
        integer(
            "targets_not_assessable",
            "Target non valutabili",
            "Quanti target dell'anno non sono valutabili (per motivo nelle colonne not_assessable_*).",
        ),
        integer(
            "targets_monitoring",
            "Target su dati di monitoraggio",
            "Dei target valutati, quanti si basano su una rilevazione di monitoraggio, non ancora definitiva.",
        ),
        integer(
            "not_assessable_no_value",
            "Non valutabili: dato non ancora disponibile",
            "Target non valutabili perché il dato non è ancora disponibile.",
        ),
        integer(
            "not_assessable_not_available",
            "Non valutabili: dato non disponibile",
            "Target non valutabili perché la fonte dà il dato come non disponibile.",
        ),
        integer(
            "not_assessable_target_to_be_defined",
            "Non valutabili: target da definire",
            "Target non valutabili perché ancora da definire.",
        ),
        integer(
            "not_assessable_comparison_missing",
            "Non valutabili: manca il dato di confronto",
            "Target non valutabili perché manca il dato con cui il target si confronta.",
        ),
        integer(
            "not_assessable_target_not_measurable",
            "Non valutabili: target non misurabile",
            "Target non valutabili perché il valore non si può misurare rispetto al target.",
        ),
        integer(
            "not_assessable_neutralised",
            "Non valutabili: neutralizzati",
            "Target neutralizzati formalmente.",
        ),
    ],
    primary_key: &["objective_id", "year"],
    // The parent's own id: its rows need not cover the child's years.
    foreign_keys: &[ForeignKey {
        fields: &["parent_id"],
        table: "",
        reference: &["objective_id"],
    }],
};

pub const HISTORY: Table = Table {
    name: "serie-storiche",
    path: "dati/serie-storiche.csv",
    title: "Serie storiche",
    description: "Le serie storiche come pubblicate nel piano: una riga per indicatore, anno e grandezza (il valore, ciascuna misura, le medie di riferimento), con il testo pubblicato, il numero, la fonte e le annotazioni.",
    fields: &[
        column::OBJECTIVE_ID,
        column::INDICATOR_ID,
        column::INDICATOR_NAME,
        column::NOTE,
        column::SOURCE,
        column::YEAR,
        text("quantity", "Grandezza", "Che cosa riporta la riga.")
            .codes(Codes::Quantity)
            .required(),
        text(
            "measure",
            "Misura",
            "Il nome della misura (solo per le righe measure): è il nome usato nella formula e nella colonna measures di indicatori.csv.",
        ),
        text(
            "measure_label",
            "Descrizione della misura",
            "Che cosa misura la misura.",
        ),
        text(
            "unit",
            "Unità di misura",
            "L'unità di misura del valore (vuota per le misure, che hanno la loro).",
        )
        .codes(Codes::Unit),
        text(
            "printed",
            "Testo pubblicato",
            "Il valore dell'anno come stampato nel piano (ND, 15,02%, € 48,46...), per le righe value.",
        ),
        number(
            "value",
            "Numero",
            "Il numero pubblicato (punto decimale; percentuali in punti). Vuoto quando non è pubblicato un numero.",
        ),
        date(
            "value_date",
            "Data pubblicata",
            "La data pubblicata, per gli indicatori a scadenza.",
        ),
        column::VALUE_STATUS,
        column::AS_OF,
        text(
            "remark",
            "Annotazione",
            "Il testo stampato accanto al valore dell'anno.",
        ),
    ],
    primary_key: &["indicator_id", "year", "quantity", "measure"],
    foreign_keys: &[ForeignKey {
        fields: &["indicator_id", "year"],
        table: "indicatori",
        reference: &["indicator_id", "year"],
    }],
};

/// The data of each indicator's chart, `dati/serie/<indicator>.csv`.
pub const CHART: Table = Table {
    name: "grafico",
    path: "dati/serie/<indicatore>.csv",
    title: "Dati del grafico di un indicatore",
    description: "Un file per indicatore con almeno un valore: esattamente i dati del suo grafico, un anno per riga, con l'indicatore a cui si riferiscono.",
    fields: &[
        column::YEAR,
        number(
            "value",
            "Valore",
            "Il valore dell'anno, nell'unità dell'indicatore.",
        ),
        column::VALUE_STATUS,
        column::AS_OF,
        number(
            "computed_check",
            "Valore ricalcolato",
            "Il valore ricalcolato dalle misure, quando non corrisponde a quello pubblicato.",
        ),
        text(
            "printed",
            "Testo pubblicato",
            "Il valore dell'anno come stampato nel piano.",
        ),
        number(
            "target",
            "Target",
            "Il target dell'anno sulla scala dei valori.",
        ),
        number(
            "target_original",
            "Target originario",
            "Il target originario, quando è stato rivisto.",
        ),
        number(
            "national_mean",
            "Media nazionale",
            "La media nazionale dell'anno.",
        ),
        number(
            "cluster_mean",
            "Media del cluster",
            "La media del cluster dell'anno.",
        ),
        column::UNIT,
        column::INDICATOR_ID,
        column::INDICATOR_NAME,
    ],
    primary_key: &["indicator_id", "year"],
    foreign_keys: &[],
};

/// What changed since the previous edition, `dati/modifiche.csv` (a site
/// with earlier editions only).
pub const CHANGES: Table = Table {
    name: "modifiche",
    path: "dati/modifiche.csv",
    title: "Modifiche rispetto all'edizione precedente",
    description: "Una riga per ogni differenza tra questa edizione del piano e la precedente, confrontate per codice: obiettivi, indicatori, ambiti e Servizi aggiunti, tolti o con un nuovo nome, periodi, Servizi responsabili e pesi cambiati, e ogni target in vigore cambiato, con il precedente e il nuovo e la revisione che questa edizione dichiara.",
    fields: &[
        text(
            "previous_edition",
            "Edizione precedente",
            "Il codice dell'edizione precedente, con cui si confronta: è anche il suo indirizzo (edizioni/<codice>/).",
        )
        .required(),
        text(
            "current_edition",
            "Questa edizione",
            "Il codice di questa edizione.",
        )
        .required(),
        text("item", "Che cosa cambia", "Che cosa cambia.")
            .codes(Codes::ChangeItem)
            .required(),
        text("change", "Come cambia", "Come cambia.")
            .codes(Codes::Change)
            .required(),
        text(
            "id",
            "Codice",
            "Il codice dell'ambito, del Servizio, dell'obiettivo o dell'indicatore (per un target: dell'indicatore); vuoto per il piano.",
        ),
        text(
            "name",
            "Titolo o nome",
            "Il titolo o il nome, in questa edizione (nella precedente, per ciò che è stato tolto).",
        ),
        text(
            "objective_id",
            "Obiettivo",
            "L'obiettivo dell'indicatore o del target.",
        ),
        integer("year", "Anno", "L'anno del target."),
        text(
            "previous",
            "Prima",
            "Il valore nell'edizione precedente: il target in vigore come scritto, il periodo (2023-2025), il peso (punto decimale), i Servizi per nome separati da ; (all: tutti i Servizi). Vuoto per un'aggiunta.",
        ),
        text(
            "current",
            "Ora",
            "Il valore in questa edizione, nella stessa forma. Vuoto per ciò che è stato tolto.",
        ),
        text(
            "revision",
            "Revisione",
            "Per un target cambiato: come corrisponde alla revisione dichiarata in questa edizione.",
        )
        .codes(Codes::Revision),
        text(
            "revision_original",
            "Target originario dichiarato",
            "Il target originario che questa edizione dichiara nella revisione, come scritto.",
        ),
        text(
            "revision_reason",
            "Motivo della revisione",
            "Il motivo della revisione, come scritto.",
        ),
    ],
    // No column is never empty in every row (the plan's rows have no id,
    // only targets have a year): the rows have no key.
    primary_key: &[],
    foreign_keys: &[],
};

/// The files described in `datapackage.json`, in order (`modifiche.csv`
/// only on a site with earlier editions).
pub const PACKAGE_TABLES: [&Table; 4] = [&INDICATORS, &OBJECTIVES, &HISTORY, &CHANGES];

/// Every table of the dictionary, in the order of the open-data page
/// (`modifiche.csv` only on a site with earlier editions).
pub const TABLES: [&Table; 5] = [&INDICATORS, &OBJECTIVES, &HISTORY, &CHANGES, &CHART];
