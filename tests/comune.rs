#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The Comune di Valdimonte (`fixtures/comune`): a Comune's plan in its own
//! words, three levels deep (DUP strategic objectives, DUP operational
//! objectives, PEG executive objectives), scored by its SMVP's rule: a
//! parent counts 40% on its own indicators and 60% on the objectives under
//! it. Every figure of 2024 is worked out by hand in the comments.

use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use assert_cmd::Command;
use cruscotto::engine::rollup::YearRollup;
use cruscotto::engine::scoring::{Rule, Status};
use cruscotto::engine::{Basis, Evaluation, Reason, Unassessable, YearResult};
use cruscotto::model::{ChangeMeasure, Date, Plan, PlanIndex, RollupRule, TargetKind};
use rust_decimal::Decimal;

const ROOT: &str = "fixtures/comune";
const YEAR: i32 = 2024;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn evaluated() -> &'static (Plan, Evaluation) {
    static EVALUATED: OnceLock<(Plan, Evaluation)> = OnceLock::new();
    EVALUATED.get_or_init(|| {
        let checked = cruscotto::check(Path::new(ROOT));
        assert_eq!(
            (checked.diagnostics.errors(), checked.diagnostics.warnings()),
            (0, 0),
            "{}",
            checked
                .diagnostics
                .render(&checked.sources, cruscotto::diagnostics::Lang::En)
        );
        checked.evaluated.expect("evaluated")
    })
}

fn result(id: &str) -> &'static YearResult {
    let (plan, evaluation) = evaluated();
    let index = PlanIndex::new(plan);
    let &(o, i) = index.indicators.get(id).unwrap_or_else(|| panic!("{id}"));
    &evaluation.indicators[o][i].years[&YEAR]
}

/// (achievement rounded to 4 decimals, status) of an indicator in 2024.
fn scored(id: &str) -> (Decimal, Status) {
    let assessment = result(id).assessment.as_ref().expect("assessed");
    let score = assessment.score.as_ref().expect("scored");
    (score.achievement.round_dp(4), assessment.status)
}

fn objective(id: &str) -> &'static YearRollup {
    let (plan, evaluation) = evaluated();
    let index = PlanIndex::new(plan);
    &evaluation.objectives[index.objectives[id]].years[&YEAR]
}

fn achievement(y: &YearRollup) -> Decimal {
    y.achievement.expect("an achievement").round_dp(4)
}

/// (raggiunti, parzialmente, non raggiunti, non valutabili).
fn counts(y: &YearRollup) -> (usize, usize, usize, usize) {
    let c = &y.counts;
    (
        c.raggiunto,
        c.parzialmente_raggiunto,
        c.non_raggiunto,
        c.non_valutabile,
    )
}

#[test]
fn the_comune_declares_its_own_tree_and_rule() {
    let (plan, _) = evaluated();
    let tree = &plan.config.tree;
    assert_eq!(tree.preset, Some("comune"));
    assert_eq!(tree.ids(), ["strategico", "operativo", "esecutivo"]);
    assert_eq!(tree.ambito.singular, "Linea di mandato");
    assert_eq!(
        plan.config.scoring.rollup,
        RollupRule::Mixed {
            own: d("40"),
            children: d("60")
        }
    );
    // Three levels: every executive objective sits under an operational one,
    // every operational one under a strategic one.
    let index = PlanIndex::new(plan);
    let level = |id: &str| plan.kind(&plan.objectives[index.objectives[id]]).level;
    assert_eq!(level("semplificazione"), 1);
    assert_eq!(level("sportello-unico"), 2);
    assert_eq!(level("archivio-digitale"), 3);
    assert_eq!(
        index.ancestors(plan, index.objectives["archivio-digitale"]),
        [
            index.objectives["sportello-unico"],
            index.objectives["semplificazione"]
        ]
    );
    // The ambito of an executive objective is its strategic objective's.
    let archivio = &plan.objectives[index.objectives["archivio-digitale"]];
    assert_eq!(index.ambito_of(plan, archivio), Some("valdimonte-digitale"));
    // Every objective has someone who answers for it.
    assert!(plan.objectives.iter().all(|o| !o.responsible.is_empty()));
}

#[test]
fn targets_and_values_as_the_comune_prints_them() {
    let (plan, _) = evaluated();
    let index = PlanIndex::new(plan);
    let target = |id: &str, year: i32| {
        index.indicator(plan, id).expect(id).targets[&year]
            .effective()
            .kind
            .clone()
    };
    assert_eq!(
        target("servizi-prenotabili", 2024),
        TargetKind::Change {
            comparator: cruscotto::model::Comparator::Ge,
            delta: d("25"),
            measure: ChangeMeasure::Relative,
            base: Some(2022),
        }
    );
    assert_eq!(
        target("pratiche-online", 2024),
        TargetKind::Change {
            comparator: cruscotto::model::Comparator::Ge,
            delta: d("10"),
            measure: ChangeMeasure::Absolute,
            base: Some(2022),
        }
    );
    assert_eq!(target("servizi-prenotabili", 2026), TargetKind::ToBeDefined);
    assert_eq!(target("quota-differenziata", 2026), TargetKind::ToBeDefined);
    assert_eq!(target("conferimenti-isola", 2024), TargetKind::ToBeDefined);
    // `entro marzo 2024`, `entro SETTEMBRE 2024`: a month is its last day.
    assert_eq!(
        target("avvio-prenotazioni", 2024),
        TargetKind::Deadline {
            day: None,
            month: 3,
            year: Some(2024)
        }
    );
    assert_eq!(
        target("nuovo-portale-trasparenza", 2024),
        TargetKind::Deadline {
            day: None,
            month: 9,
            year: Some(2024)
        }
    );
    // `entro il 2024`: the year's last day.
    assert_eq!(
        target("apertura-isola", 2024),
        TargetKind::Deadline {
            day: Some(31),
            month: 12,
            year: Some(2024)
        }
    );
    // A completion date written with dots.
    assert_eq!(
        result("apertura-isola").date,
        Some(Date {
            year: 2024,
            month: 11,
            day: 30
        })
    );
}

#[test]
fn every_indicator_of_2024_worked_by_hand() {
    // Semplificazione: 21 services in 2024 against 16 in 2022, the base
    // year: (21 − 16) / 16 × 100 = 31,25% ≥ +25%: met (125% raw, 100%).
    assert_eq!(scored("servizi-prenotabili"), (d("100"), Status::Raggiunto));
    let compared = result("servizi-prenotabili")
        .assessment
        .as_ref()
        .and_then(|a| a.compared.as_ref())
        .expect("compared");
    assert_eq!(compared.actual, d("31.25"));
    assert_eq!(
        compared.basis,
        Basis::Change {
            previous: d("16"),
            relative: true,
            base: 2022
        }
    );
    // Sportello unico: 1.854 / 4.500 = 41,2%, 1.400 / 4.000 = 35,0% in 2022:
    // +6,2 points against +10 p.p.: 6,2 / 10 = 62%, not reached (< 70%).
    assert_eq!(scored("pratiche-online"), (d("62"), Status::NonRaggiunto));
    // Prenotazioni: started 15/03/2024, due by March 2024 (31/03): met.
    assert_eq!(scored("avvio-prenotazioni"), (d("100"), Status::Raggiunto));
    // 18 days against <= 20: met.
    assert_eq!(scored("attesa-sportello"), (d("100"), Status::Raggiunto));
    // Archivio: 3.100 / 4.000 = 77,5%: partly reached (>= 70%).
    assert_eq!(
        scored("fascicoli-digitalizzati"),
        (d("77.5"), Status::ParzialmenteRaggiunto)
    );
    // The tender, due by June 2024 (30/06), awarded on 12/08/2024: late by
    // the 31 days of July and 12 of August, 43 days: not reached, 0%.
    assert_eq!(scored("gara-scansione"), (d("0"), Status::NonRaggiunto));
    let rule = &result("gara-scansione")
        .assessment
        .as_ref()
        .and_then(|a| a.score.as_ref())
        .expect("scored")
        .rule;
    assert!(matches!(rule, Rule::Deadline { delay: 43, .. }), "{rule:?}");
    // Trasparenza: 97,5% against >= 95%: met. The new portal, due by
    // September 2024, "non realizzato" in the final figures: missed, 0%.
    assert_eq!(scored("obblighi-pubblicati"), (d("100"), Status::Raggiunto));
    assert_eq!(
        scored("nuovo-portale-trasparenza"),
        (d("0"), Status::NonRaggiunto)
    );
    // Raccolta differenziata: 63,7% against >= 65%: 63,7 / 65 = 98%.
    assert_eq!(
        scored("quota-differenziata"),
        (d("98"), Status::ParzialmenteRaggiunto)
    );
    // Ritiri: 1.284 against 1.200 in 2023: +7% against +10% (relative on
    // a count): 7 / 10 = 70%, partly reached (at the 70% band).
    assert_eq!(
        scored("ritiri-ingombranti"),
        (d("70"), Status::ParzialmenteRaggiunto)
    );
    // Isola ecologica: opened 30.11.2024, due by the end of 2024: met; its
    // second target is still to be defined with the operator.
    assert_eq!(scored("apertura-isola"), (d("100"), Status::Raggiunto));
    let assessment = result("conferimenti-isola")
        .assessment
        .as_ref()
        .expect("assessed");
    assert_eq!(assessment.reason, Some(Reason::TargetToBeDefined));
    assert_eq!(
        assessment.unassessable,
        Some(Unassessable::TargetToBeDefined)
    );
    // Mobilità: the PUMS, due by June 2024, had its deadline moved to March
    // 2025 (a revision): adopted on 20/03/2025, within the revised one.
    assert_eq!(scored("adozione-pums"), (d("100"), Status::Raggiunto));
    assert_eq!(scored("incontri-pubblici"), (d("100"), Status::Raggiunto));
}

#[test]
fn every_objective_rolls_up_by_the_smvp_rule() {
    // Executive objectives have no children: their own indicators.
    // prenotazioni-anagrafe: (100 + 100) / 2 = 100%, reached.
    let y = objective("prenotazioni-anagrafe");
    assert_eq!((achievement(y), y.status), (d("100"), Status::Raggiunto));
    assert_eq!(counts(y), (2, 0, 0, 0));
    // archivio-digitale, weights 3 and 1: (77,5 × 3 + 0 × 1) / 4 = 58,125%.
    let y = objective("archivio-digitale");
    assert_eq!(
        (achievement(y), y.status),
        (d("58.125"), Status::NonRaggiunto)
    );
    assert_eq!(counts(y), (0, 1, 1, 0));
    // sportello-unico: own 62%; children (100 + 58,125) / 2 = 79,0625%;
    // 40% × 62 + 60% × 79,0625 = 24,8 + 47,4375 = 72,2375%: partly.
    let y = objective("sportello-unico");
    assert_eq!(y.own.map(|a| a.round_dp(4)), Some(d("62")));
    assert_eq!(y.children.map(|a| a.round_dp(4)), Some(d("79.0625")));
    assert!(y.from_children);
    assert_eq!(
        (achievement(y), y.status),
        (d("72.2375"), Status::ParzialmenteRaggiunto)
    );
    // Its counts are what that figure rests on: its own target and its
    // children's four.
    assert_eq!(counts(y), (2, 1, 2, 0));
    // trasparenza, no children: (100 + 0) / 2 = 50%.
    let y = objective("trasparenza");
    assert_eq!((achievement(y), y.status), (d("50"), Status::NonRaggiunto));
    assert_eq!(counts(y), (1, 0, 1, 0));
    // semplificazione: own 100%; children weighted 2 (sportello-unico) and
    // 1: (72,2375 × 2 + 50) / 3 = 194,475 / 3 = 64,825%;
    // 40% × 100 + 60% × 64,825 = 40 + 38,895 = 78,895%.
    let y = objective("semplificazione");
    assert_eq!(y.children.map(|a| a.round_dp(4)), Some(d("64.825")));
    assert_eq!(
        (achievement(y), y.status),
        (d("78.895"), Status::ParzialmenteRaggiunto)
    );
    assert_eq!(counts(y), (4, 1, 3, 0));
    // isola-ecologica: the one assessed target, 100%; the other not
    // assessable, not a zero.
    let y = objective("isola-ecologica");
    assert_eq!((achievement(y), y.status), (d("100"), Status::Raggiunto));
    assert_eq!(counts(y), (1, 0, 0, 1));
    // centri-raccolta: 40% × 70 + 60% × 100 = 88%.
    let y = objective("centri-raccolta");
    assert_eq!(
        (achievement(y), y.status),
        (d("88"), Status::ParzialmenteRaggiunto)
    );
    // raccolta-differenziata: 40% × 98 + 60% × 88 = 39,2 + 52,8 = 92%.
    let y = objective("raccolta-differenziata");
    assert_eq!(
        (achievement(y), y.status),
        (d("92"), Status::ParzialmenteRaggiunto)
    );
    assert_eq!(counts(y), (1, 2, 0, 1));
    // mobilita, no children: 100%.
    let y = objective("mobilita");
    assert_eq!((achievement(y), y.status), (d("100"), Status::Raggiunto));
}

#[test]
fn the_lines_of_the_mandate_and_the_plan() {
    let (_, evaluation) = evaluated();
    // Una Valdimonte digitale: its one strategic objective, 78,895%.
    let digitale = &evaluation.ambiti[0].years[&YEAR];
    assert_eq!(achievement(digitale), d("78.895"));
    assert_eq!(counts(digitale), (4, 1, 3, 0));
    // Una Valdimonte sostenibile: raccolta (weight 1) 92%, mobilità (weight
    // 2) 100%: (92 + 200) / 3 = 97,3333%.
    let sostenibile = &evaluation.ambiti[1].years[&YEAR];
    assert_eq!(achievement(sostenibile), d("97.3333"));
    assert_eq!(sostenibile.status, Status::ParzialmenteRaggiunto);
    assert_eq!(counts(sostenibile), (3, 2, 0, 1));
    // The plan: (78,895 + 97,3333...) / 2 = 88,1141...%, on 13 of the 14
    // targets of 2024 (every level counts, by the rule), in 2 of 2 lines.
    let plan = &evaluation.plan.years[&YEAR];
    assert_eq!(plan.achievement.map(|a| a.round_dp(2)), Some(d("88.11")));
    assert_eq!(counts(plan), (7, 3, 3, 1));
    assert_eq!((plan.counts.assessed(), plan.counts.total()), (13, 14));
    assert_eq!((plan.parts_assessed, plan.parts), (2, 2));
}

#[test]
fn the_pages_say_it_in_the_comune_s_words() {
    let output = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root", ROOT, "--output"])
        .arg(output.path())
        .assert()
        .success();
    let page = |path: &str| {
        std::fs::read_to_string(output.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let home = page("index.html");
    // The site's own name, once in the title.
    assert!(
        home.contains("<title>Piano della performance - Comune di Valdimonte</title>"),
        "home title"
    );
    assert!(home.contains("9 obiettivi e 14 indicatori, in 2 linee di mandato."));
    assert!(home.contains("<strong>3</strong> obiettivi esecutivi (PEG)"));
    // No kind of the Camere di Commercio on a Comune's site.
    assert!(!home.contains("strategici comuni"), "a Camera's kind");
    assert!(!home.contains("di ente"), "a Camera's kind");
    assert!(home.contains(
        "<strong>88,11%</strong> <span>grado di raggiungimento complessivo dei target valutati"
    ));
    assert!(home.contains("Calcolato su 13 dei 14 target del 2024, in 2 linee di mandato su 2"));
    assert!(home.contains("Linee di mandato</h2>"));

    let sportello = page("obiettivi/sportello-unico/index.html");
    assert!(sportello.contains("Paolo Conti, Dirigente del Settore Affari generali"));
    assert!(sportello.contains("Obiettivi esecutivi (PEG)</h2>"));
    assert!(sportello.contains(
        "Grado del 2024: 40% × 62,00% (indicatori dell&#39;obiettivo) + 60% × 79,06% (media pesata degli obiettivi collegati) = 72,24%."
    ));
    // Weights show where the siblings are not weighed alike.
    let semplificazione = page("obiettivi/semplificazione/index.html");
    assert!(
        semplificazione.contains("peso 2"),
        "sportello-unico weighs 2"
    );
    let archivio = page("obiettivi/archivio-digitale/index.html");
    assert!(archivio.contains("43 giorni di ritardo"));
    assert!(
        archivio.contains("Completato il 12/08/2024, 43 giorni dopo la scadenza del 30/06/2024")
    );
    let trasparenza = page("obiettivi/trasparenza/index.html");
    assert!(trasparenza.contains("Non realizzato entro la scadenza del 30/09/2024"));
    // The Servizio says how its objectives went: archivio 58,125% and isola
    // ecologica 100%: (58,125 + 100) / 2 = 79,0625%.
    let tecnico = page("servizi/tecnico/index.html");
    assert!(tecnico.contains(
        "2024: su 2 obiettivi, 1 raggiunti, 0 parzialmente raggiunti, 1 non raggiunti, 0 non valutabili. Grado di raggiungimento medio: 79,06%."
    ));
    // The plan document follows the tree and names who answers.
    let document = page("piao/index.html");
    assert!(document.contains("Obiettivi operativi e obiettivi esecutivi (PEG)"));
    assert!(document.contains("Responsabile: Lucia Neri, Responsabile del Servizio Anagrafe"));
    assert!(
        !document.contains(">Nota</th>"),
        "no note labels, no note column"
    );
}
