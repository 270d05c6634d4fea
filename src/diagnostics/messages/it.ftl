# I messaggi di cruscotto in italiano: ogni problema (il suo codice, con
# `.label` sotto la riga citata e `.help`, cosa scrivere) e le righe della
# riga di comando. { $nome } è un valore che cruscotto inserisce.
# messages/en.ftl ha gli stessi messaggi, con gli stessi valori.

## Parole comuni

severity-error = errore
severity-warning = avviso
help-prefix = come correggere
did-you-mean = forse intendevi `{ $word }`?
cli-in = { $message } in { $time }
cli-time-ms = { $ms } ms
cli-time-s = { $seconds },{ $tenths } s
cli-counts = { $errors ->
    [one] { $errors } errore
   *[other] { $errors } errori
}, { $warnings ->
    [one] { $warnings } avviso
   *[other] { $warnings } avvisi
}

## Che cosa c'è scritto (per le etichette)

found-single-value = un valore singolo
found-empty-value = un valore vuoto
found-list = un elenco
found-mapping = un insieme di righe `chiave: valore`
write-key = scrivi `{ $key }:`

## Scrittura dei file YAML

yaml-syntax = qui il testo non si legge: { $detail }
    .help = controlla i rientri e metti tra virgolette i valori che contengono `: ` o `#` o che iniziano con un simbolo, per esempio target: ">= 15%"
yaml-too-deep = qui elenchi e chiavi sono annidati troppo in profondità (al massimo { $max } livelli)
    .help = il formato dei contenuti richiede pochi livelli: controlla i rientri e le parentesi
yaml-alias = i rimandi YAML (`*nome`) non sono ammessi
    .help = scrivi il valore per intero
duplicate-key = la chiave `{ $key }` è scritta due volte
    .label = già scritta alla riga { $line }
    .help = tieni una delle due e cancella l'altra
not-a-mapping = { $what } deve essere un insieme di righe `chiave: valore`
    .label = qui c'è { $found }
    .help = scrivi una chiave per riga, `chiave: valore`, con lo stesso rientro
missing-key = { $what } non ha `{ $key }`
    .help = aggiungi una riga `{ $key }: ...`
unknown-key = `{ $key }` non è una chiave prevista per { $what }
    .help = le chiavi previste per { $what } sono: { $keys }

## Valori, numeri e date

subject-number = un numero
subject-date = una data
subject-target = un target
subject-formula = una formula
-help-number = scrivi un numero come 65.991 (il punto separa le migliaia, a gruppi di tre cifre), 0,17 o 0.17 (con i decimali), se serve con il segno (-8,75) e l'unità (15,02%, € 48,46, 3 gg)
-help-date = scrivi la data come giorno/mese/anno, per esempio 31/12/2023 (vanno bene anche 31.12.2023, 2023-12-31, 31 dicembre 2023), oppure un mese (dicembre 2023) o un semestre (II semestre 2023), che valgono come il loro ultimo giorno
too-long = `{ $value }` ha { $length } caratteri: { $what } ne può avere al massimo { $max }
    .help = controlla che sia il valore giusto, al posto giusto
not-a-number = `{ $value }` non è un numero
    .help = { -help-number }
number-two-decimal-separators = `{ $value }` ha più di un separatore dei decimali
    .help = { -help-number }
number-dot-and-comma = `{ $value }` ha sia il punto sia la virgola: il punto deve separare le migliaia (gruppi di tre cifre)
    .help = { -help-number }
number-misplaced-dots = in `{ $value }` i punti non separano le migliaia (gruppi di tre cifre)
    .help = { -help-number }
number-too-large = `{ $value }` è un numero troppo grande
    .help = { -help-number }
number-too-many-digits = `{ $value }` ha più cifre di quante se ne possano tenere esatte (al massimo { $max })
    .help = { -help-number }
number-followed-by-text = `{ $value }` non è un numero: dopo il numero c'è `{ $rest }`
    .help = { -help-number }
not-a-date = `{ $value }` non è una data
    .help = { -help-date }
date-without-year = nella data `{ $value }` manca l'anno
    .help = { -help-date }

## Target

help-target = scrivi il target come `>= 0,21%`, `<= 3`, `100%`, `zero`, `entro il 31/12/2023`, `entro giugno 2023`, `+10%`, `+2 p.p.`, `+5% rispetto al 2020`, `> media triennio precedente`, `≤ dato medio nazionale`, `da definire` o `n.d.` (vedi docs/content-format.md)
target-empty = il target è vuoto
    .help = { help-target }
target-deadline-without-date = in `{ $target }` dopo `entro` manca la data
    .help = scrivila come `entro il 31/12/2023`, `entro il 30/4`, `entro giugno 2023` o `entro il 2023`
target-without-comparator = in `{ $target }` manca il confronto (maggiore, minore...)
    .help = scrivi per esempio `{ $example }`
target-unreadable = `{ $target }` non è un target che cruscotto sa leggere
    .help = { help-target }
target-change-without-base-year = `{ $text }` non dice l'anno di partenza
    .help = scrivilo come `+5% rispetto al 2020`, oppure solo `+5%` per una variazione sull'anno precedente
target-baseline-without-year = `{ $target }` non dice l'anno di partenza
    .help = scrivilo come `>= baseline 2020 + 10%`
target-no-number-after-sign = in `{ $target }` dopo il segno manca il numero
    .help = { help-target }

## Formule

-help-formula = scrivi la formula come `num / den * 100`, con i nomi delle misure, numeri, + - * / e parentesi, e le funzioni prev(x), mean_prev(x, 3), indicator(id), count_above(90), count_assessed()
formula-token-number = il numero `{ $number }`
formula-token-name = il nome `{ $name }`
formula-token-symbol = `{ $symbol }`
formula-to-close-bracket = per chiudere la parentesi
formula-to-close-call = per chiudere `{ $function }(`
formula-between-arguments = tra i valori di `{ $function }`
formula-unexpected-after-end = la formula è già completa, ma poi c'è { $found }
    .help = { -help-formula }
formula-character = in una formula non può esserci `{ $character }`
    .help = { -help-formula }
formula-expected = qui serve { $wanted } { $context }, ma c'è { $found }
    .help = { -help-formula }
formula-ends-early = serve { $wanted } { $context }, ma la formula finisce
    .help = { -help-formula }
formula-too-deep = parentesi, segni e funzioni sono annidati per più di { $max } livelli
    .help = { -help-formula }
formula-function-without-brackets = `{ $name }` è una funzione
    .help = scrivi `{ $name }(...)`
formula-expected-operand = qui serve un numero, una misura o `(`, ma c'è { $found }
    .help = { -help-formula }
formula-ends-without-operand = la formula finisce dove serve un numero o una misura
    .help = { -help-formula }
formula-mean-prev-too-many-years = mean_prev fa la media di al massimo { $max } anni, non di { $years }
    .help = scrivi per esempio `mean_prev(x, 3)`
formula-mean-prev-years = mean_prev richiede un numero intero di anni
    .help = scrivi per esempio `mean_prev(x, 3)`
formula-count-above-threshold = count_above richiede una soglia di raggiungimento in %
    .help = scrivi per esempio `count_above(90)`
formula-unknown-function = la funzione `{ $name }` non esiste
    .help = le funzioni sono: { $functions }
formula-function-needs-name = `{ $function }(...)` richiede un nome tra le parentesi
    .help = { -help-formula }

## Indirizzi

url-control-characters = contiene caratteri di controllo
url-scheme-not-allowed = gli indirizzi `{ $scheme }:` non sono ammessi su una pagina pubblica (solo { $schemes })

## Valori semplici

subject-key = `{ $key }`
-help-url = scrivi un indirizzo web (https://...), un indirizzo e-mail (mailto:ufficio@example.it), un numero di telefono (tel:+39...) o una pagina di questo sito
not-a-single-value = `{ $key }` deve essere un valore singolo
    .label = qui c'è { $found }
    .help = scrivi `{ $key }: "..."` su una sola riga
not-a-list = `{ $key }` deve essere un elenco (righe che iniziano con `- `)
    .label = qui c'è { $found }
    .help = scrivi ogni voce su una riga che inizia con `- `, sotto `{ $key }:`
empty-value = `{ $key }` è vuoto
    .help = scrivilo come è stampato nel piano: `{ $key }: "..."`
address-not-allowed = l'indirizzo `{ $key }` non si può pubblicare: { $reason }
    .help = { -help-url }
not-a-flag = `{ $key }` deve essere true (sì) o false (no), non `{ $value }`
    .help = scrivi `{ $key }: true` o `{ $key }: false`
not-a-year = `{ $value }` non è un anno
    .help = scrivi l'anno con quattro cifre, per esempio 2023
not-a-period = `{ $value }` non è un periodo
    .help = scrivi un anno (2023) o due anni separati da un trattino (2022-2024)
period-reversed = il periodo `{ $period }` finisce prima di cominciare
    .help = scrivi prima il primo anno, poi l'ultimo: 2022-2024
invalid-id = `{ $value }` non va bene come identificativo
    .help = l'identificativo entra nell'indirizzo della pagina: usa lettere minuscole, cifre e trattini, per esempio `{ $example }`

## File e cartelle

io-not-found = non esiste
io-permission-denied = mancano i permessi
io-already-exists = esiste già
io-is-a-folder = è una cartella
io-not-a-folder = non è una cartella
io-disk-full = il disco è pieno
io-other = { $detail }
file-unreadable = questo file non si può leggere: { $reason }
    .help = controlla che il file esista e che tu possa leggerlo
file-too-large = questo file è di { $size } MB, più dei { $max } MB che un file del sito può avere
    .help = controlla che sia il file giusto; dividi un testo lungo su più obiettivi
file-not-utf8 = questo file non è testo UTF-8: il byte { $byte } qui non è un carattere
    .help = salva il file con la codifica UTF-8 (in quasi tutti gli editor: Salva con nome, Codifica: UTF-8)
folder-unreadable = la cartella { $folder } non si può leggere: { $reason }
    .help = controlla che tu possa leggerla; se è un collegamento, mettici la cartella vera
folder-link-inside = { $folder } è un collegamento a { $target }: è letta come se la cartella fosse qui
    .help = un collegamento si perde facilmente quando il sito è copiato: sposta qui la cartella
folder-link-outside = { $folder } è un collegamento a { $target }, fuori dalla cartella del sito: non è letta
    .help = tutto ciò che il sito pubblica deve stare nella cartella del sito: sposta qui la cartella
file-link-inside = { $link } è un collegamento a { $target }: è letto come se il file fosse qui
    .help = un collegamento si perde facilmente quando il sito è copiato: mettici il file vero
file-link-outside = { $link } è un collegamento a { $target }, fuori dalla cartella del sito: non è letto
    .help = tutto ciò che il sito pubblica deve stare nella cartella del sito: copia qui il file
link-broken = { $link } è un collegamento a { $target }, che non esiste
    .help = cancella il collegamento, o mettici il file vero
link-to-folder = { $link } è un collegamento alla cartella { $target }: i collegamenti alle cartelle non sono seguiti
    .help = metti la cartella vera al posto del collegamento
folder-named-md = { $folder } è una cartella: gli obiettivi sono file che finiscono in .md
    .help = rinomina la cartella togliendo `.md` alla fine
not-an-objective-file = { $file } non è letto: i file degli obiettivi finiscono in .md
    .help = rinominalo con .md alla fine se è un obiettivo, o spostalo fuori da content/

## Il file cruscotto.yaml

subject-config = cruscotto.yaml
subject-section = la sezione `{ $name }`
subject-ambito = un ambito
subject-servizio = un Servizio
no-config = qui non c'è il file { $config } di un sito
    .help = lancia cruscotto nella cartella di un sito (quella con { $config } e { $content }/), o indica la cartella con --root
no-content-folder = manca la cartella { $content }/
    .help = crea { $content }/ con un file .md per ogni obiettivo (vedi docs/content-format.md)
no-ipa-code = la sezione `ente` non ha `ipa_code`: il catalogo dei dati aperti (dati/catalogo.jsonld) indica l'ente e i suoi dati con l'indirizzo del sito dell'ente
    .help = aggiungi sotto `ente:` la riga `ipa_code: "..."` con il codice dell'ente nell'Indice delle Pubbliche Amministrazioni (IPA), per esempio `ipa_code: "cciaa_ge"`
invalid-ipa-code = `{ $code }` non è un codice IPA
    .help = scrivi il codice dell'ente nell'Indice delle Pubbliche Amministrazioni: lettere, cifre e `_`, per esempio `ipa_code: "cciaa_ge"`
relazione-year-outside-period = l'anno della Relazione, { $year }, è fuori dal periodo del piano { $period }
    .help = scrivi un anno dal { $first } (l'anno prima del piano, di cui la Relazione riporta i risultati) al { $last }
reference-year-outside-period = l'anno di riferimento { $year } è fuori dal periodo del piano { $period }
    .help = scrivi un anno dal { $first } al { $last }
unknown-language = la lingua `{ $language }` non è disponibile
    .help = scrivi `language: it` o `language: en`
base-url-not-absolute = `{ $url }` non è un indirizzo web completo: la mappa del sito e i collegamenti canonici delle pagine ne hanno bisogno
    .help = scrivi l'indirizzo dove il sito è pubblicato, per esempio `base_url: "https://www.example.it/performance/"`
theme-not-a-name = il tema `{ $name }` non è il nome di una cartella dentro themes/
    .label = un percorso qui pubblicherebbe i file di un'altra cartella
    .help = scrivi il nome di una cartella dentro la cartella themes/ del sito, per esempio `theme: ente`
theme-missing = il tema `{ $name }` non esiste
    .label = non c'è la cartella themes/{ $name }/
    .help = crea la cartella themes/{ $name }/ con i modelli o i file da sostituire, oppure togli `theme` da { $config }
unknown-data-licence = `{ $licence }` non è una licenza per i dati aperti
    .help = scrivi una di queste: { $licences } (quella predefinita, Creative Commons Attribuzione 4.0, è quella raccomandata dalle linee guida sui dati aperti)
percentage-not-positive = `{ $key }` deve essere una percentuale maggiore di zero
    .help = scrivi per esempio `{ $key }: { $example }`
unknown-scoring-rule = `{ $rule }` non è una regola di punteggio
    .help = scrivi `{ $key }: proportional` (proporzionale) o `{ $key }: binary` (tutto o niente)
unknown-value-choice = `{ $choice }` non è una scelta dei valori
    .help = scrivi `values: printed` (conta il valore pubblicato) o `values: computed` (conta il valore ricalcolato dalle misure)
unknown-rollup-rule = `{ $rule }` non è una regola di aggregazione
    .help = scrivi `rollup: own` (un obiettivo è valutato sui suoi indicatori), `rollup: children` (sugli obiettivi sotto di lui) o `rollup: {"{"} own: 40, children: 60 {"}"}` (una media pesata)
rollup-weight-not-positive = il peso `{ $key }` deve essere maggiore di zero
    .help = scrivi due pesi positivi, per esempio `rollup: {"{"} own: 40, children: 60 {"}"}`; per uno solo dei due scrivi `rollup: own` o `rollup: children`

## Tipi e livelli di obiettivi

subject-kind = un tipo di obiettivo
-help-tree = scrivi `objectives: {"{"} preset: comune {"}"}` (o camera-di-commercio, amministrazione-centrale), oppure dichiara i tipi sotto `kinds:` con id, singular, plural e level (vedi docs/content-format.md)
unknown-preset = `{ $preset }` non è un insieme predefinito di tipi di obiettivi
    .help = scrivi uno di questi: { $presets }
preset-and-kinds = `objectives` ha sia `preset` sia i suoi `kinds`
    .help = tieni `preset:` per usare i tipi predefiniti, oppure toglilo e dichiara ogni tipo sotto `kinds:`
no-preset-nor-kinds = `objectives` non ha né `preset` né `kinds`
    .help = { -help-tree }
no-kinds = `kinds` non dichiara nessun tipo di obiettivo
    .help = { -help-tree }
duplicate-kind = il tipo `{ $kind }` è dichiarato due volte
    .help = dai a ogni tipo di obiettivo il suo id
no-top-level-kind = nessun tipo di obiettivo ha `level: 1`
    .help = gli obiettivi direttamente sotto un ambito sono di livello 1: dichiara almeno un tipo con `level: 1`
top-level-kind-with-parents = il tipo `{ $kind }` è di livello 1 e non può avere genitori
    .help = gli obiettivi di livello 1 stanno sotto un ambito: togli `parents`, o dai al tipo un livello più basso
unknown-parent-kind = il tipo `{ $kind }` indica come genitore `{ $parent }`, che non è dichiarato
    .help = scrivi tipi dichiarati qui: { $kinds }
parent-kind-not-above = il tipo `{ $kind }` (livello { $level }) indica come genitore `{ $parent }` (livello { $parent_level })
    .help = un genitore sta a un livello più alto (un numero più piccolo) dei suoi figli: correggi i livelli o i genitori
kind-without-level-above = il tipo `{ $kind }` è di livello { $level }, ma nessun tipo è di livello { $above }
    .help = indica i tipi dei suoi genitori con `parents: [...]`, o dichiara un tipo del livello sopra
invalid-level = `{ $level }` non è un livello: i livelli sono numeri interi da 1 a { $max }
    .help = scrivi `level: 1` per gli obiettivi sotto un ambito, 2 per quelli sotto di loro, e così via
unknown-servizi-rule = `{ $rule }` non è una regola per i Servizi
    .help = scrivi `servizi: required` (ogni obiettivo indica i suoi Servizi), `optional` o `none`

## Obiettivi e indicatori

subject-objective = l'obiettivo
subject-responsible = il responsabile
subject-indicator = l'indicatore
subject-measure = la misura
subject-note = la nota
about-formula = la formula `{ $formula }` non si legge
no-front-matter = questo file non ha l'intestazione (front-matter)
    .help = comincia il file con una riga `---`, poi le chiavi dell'obiettivo (id, kind, title, ...), poi un'altra riga `---` e il testo
objective-without-period = l'obiettivo non ha `period`
    .help = aggiungi `period: 2022-2024` (o un solo anno: `period: 2023`)
objective-without-indicators = l'obiettivo non ha `indicators`
    .help = un obiettivo si misura con i suoi indicatori: aggiungi `indicators:` con almeno un indicatore (vedi docs/content-format.md)
indicators-empty = l'elenco degli indicatori è vuoto: l'obiettivo non si può misurare
    .help = un obiettivo si misura con i suoi indicatori: scrivine almeno uno (`cruscotto new indicatore "NOME" --obiettivo ID`, o vedi docs/content-format.md)
narrative-too-deep = qui il testo annida citazioni, elenchi o enfasi per più di { $max } livelli
    .help = scrivi il testo a paragrafi, con elenchi di pochi livelli al massimo
link-not-allowed = il collegamento `{ $link }` non si può pubblicare: { $reason }
    .help = { -help-url }
image-on-other-host = l'immagine `{ $image }` è su un altro sito: una pagina pubblica non carica nulla da altri siti
    .help = metti un collegamento, `[descrizione](https://...)`, o metti l'immagine nella cartella static/ del tema
unknown-kind = `{ $kind }` non è un tipo di obiettivo di questo sito
    .help = scrivi uno di questi: { $kinds } (i tipi dichiarati sotto `objectives` in { $config })
responsible-without-name = il responsabile non ha né `name` (nome) né `role` (ruolo)
    .help = scrivi `{"{"} name: "Maria Rossi", role: "Dirigente del Settore Finanze" {"}"}`, o uno solo dei due
weight-not-positive = un peso deve essere maggiore di zero
    .help = scrivi un numero positivo, per esempio `weight: 2`; senza peso vale 1
invalid-decimals = `decimals` deve essere un numero intero da 0 a { $max }
    .help = scrivi per esempio `decimals: 2`
target-and-targets = l'indicatore ha sia `target` sia `targets`
    .help = usa `targets:` con una riga per anno, o un solo `target:` per l'anno di riferimento
unknown-unit = `{ $unit }` non è un'unità di misura
    .help = scrivi una di queste: { $units }
invalid-measure-name = `{ $name }` non va bene come nome di una misura
    .help = usa lettere minuscole, cifre e trattini bassi, cominciando con una lettera: `imprese_attive`
subject-the-target = il target
about-target = il target non si legge
change-without-change-target = `change` vale per una variazione su un anno di partenza, e questo target non lo è
    .help = togli `change`: serve a dire come va inteso `+10%` (`points` o `relative`)
reason-without-revision = c'è `reason` (il motivo) ma manca il target rivisto `revised`
    .help = aggiungi `revised: ...` con il nuovo target, o sposta il testo in `remark` dell'indicatore
unknown-change = `{ $change }` non è un tipo di variazione
    .help = scrivi `change: points` (punti percentuali) o `change: relative` (in % del valore di partenza)
points-on-non-percentage = `{ $target }` è in punti percentuali, ma l'indicatore non è una percentuale
    .help = i punti percentuali (p.p.) misurano la variazione di una percentuale: scrivi `+10%` per una variazione relativa, o una variazione nell'unità dell'indicatore (`+5`)
change-points-on-non-percentage = `change: points` vale solo per gli indicatori in percentuale
    .help = togli `change`, o scrivi `change: relative`
ambiguous-percent-change = `{ $target }` su un indicatore in percentuale può voler dire due cose: una variazione di { $number } punti percentuali, o del { $number }% del valore di partenza
    .label = quale variazione si intende?
    .help = scrivi `{ $points }` per i punti percentuali; oppure lascia il testo come è stampato e aggiungi al target `change: points` o `change: relative` (`target: {"{"} target: "{ $text }", change: points {"}"}`)

## Serie storiche e valori

subject-series-entry = il valore della serie
help-free-text = scrivi un numero (65.991, 0,17, 15,02%), `ND` quando il valore non è disponibile, oppure, per le parole che la fonte stampa al posto di un valore, `{"{"} text: "manifestazioni annullate" {"}"}`
no-measures-declared = questo indicatore non ne dichiara
about-measure = la misura `{ $name }`
about-completion-date = il valore di un indicatore di data è la data di completamento
help-completion-date = { -help-date }; oppure `non realizzato` se non è stato completato, `ND` se non si sa
value-and-text = il valore della serie ha sia `value` sia `text`
    .help = `text` è ciò che la fonte stampa al posto di un valore: tieni `value` e sposta le parole in `remark`, oppure togli `value`
unknown-series-key = `{ $name }` non è una misura di questo indicatore
    .help = un valore della serie contiene { $keys } e le misure dichiarate sotto `measures:` ({ $measures })
series-entry-list = un valore della serie non può essere un elenco
    .help = scrivi il valore (`2021: 15,02%`), ND, oppure `{"{"} value: ..., num: ..., den: ... {"}"}`
foreign-digit = `{ $value }` contiene la cifra `{ $digit }`, che non è una delle cifre 0-9
    .help = scrivi il numero con le cifre 0-9 (un testo copiato da un altro alfabeto o da un carattere a larghezza piena ne porta altre)
value-in-another-unit = il valore `{ $value }` è scritto in { $written }, ma l'unità dell'indicatore è { $unit }
    .help = cambia l'unità dell'indicatore in `unit: { $written }`, o scrivi il valore come misura se non è il valore dell'indicatore
date-where-number-goes = `{ $value }` è una data, ma l'unità dell'indicatore è { $unit }: i suoi valori sono numeri
    .help = scrivi il valore come numero; se l'indicatore misura una data di completamento, scrivi `unit: date` nell'indicatore
value-with-words = `{ $value }` mescola un valore e delle parole
    .help = scrivi `{"{"} value: "{ $number }", remark: "{ $remark }" {"}"}`

## Rilevazioni dei risultati

about-cell = riga { $row }, colonna { $column }
about-row = riga { $row }
workbook-without-sheets = non ha fogli
workbook-too-many-rows = ha un valore alla riga { $row }: un foglio ha al massimo { $max } righe
help-indicator-without-measures = `{ $id }` non ha misure: scrivi il suo valore sulla sua riga, con la cella `measure` vuota
help-sheet-value = scrivi il valore come numero, o ND quando non è disponibile (e il perché in `cause`)
help-reading-date = { -help-date }: la data di una rilevazione di monitoraggio; lasciala vuota per un valore finale
given-reading-date = una data di monitoraggio
given-cause = una causa
given-action = un'azione correttiva
what-value = il valore
what-measure = la misura `{ $name }`
what-kind-of-value = il tipo di valore
what-reading-date = la data della rilevazione
what-cause = la causa
what-action = l'azione correttiva
value-final = finale
value-final-as-of-empty = finale (as_of vuota)
value-monitoring-at = una rilevazione di monitoraggio al { $date }
value-blank = una cella vuota
sheet-format-not-read = cruscotto legge le rilevazioni solo in formato .xlsx o .csv
    .help = salva il foglio come cartella di lavoro Excel (.xlsx) o come CSV (UTF-8), con il nome del suo anno: { $folder }/2022.xlsx
not-a-sheet = questo file non è un foglio di rilevazione e non è letto
    .help = { $folder }/ contiene i fogli dei risultati, uno per anno: 2022.xlsx o 2022.csv; sposta altrove gli altri file
sheet-name-not-a-year = `{ $name }` non è un anno: un foglio ha il nome dell'anno dei suoi risultati
    .help = rinominalo con l'anno, per esempio { $folder }/2022.{ $extension }
second-sheet-for-year = un secondo foglio per il { $year }: { $first } è già stato letto
    .help = tieni un foglio per anno: unisci i due e cancella l'altro
sheet-not-utf8 = questo foglio non è testo UTF-8
    .help = salvalo di nuovo come CSV UTF-8 (in Excel: Salva con nome > CSV UTF-8; in LibreOffice: set di caratteri Unicode UTF-8)
sheet-not-csv = questo foglio non si legge come CSV: { $detail }
    .help = controlla le virgolette della riga indicata: una cella con una virgola o un a capo va tra virgolette doppie
workbook-unreadable = questa cartella di lavoro non si legge: { $reason }
    .help = salvala di nuovo da Excel o LibreOffice come cartella di lavoro Excel (.xlsx)
cell-beyond-columns = un valore oltre le colonne del foglio
    .help = cancellalo, o spostalo nelle colonne del foglio (da objective_id a cause, action)
cell-number-too-precise = il numero { $number } ha più cifre di quante se ne possano tenere esatte (al massimo { $max })
    .help = scrivi il valore con meno decimali, o formatta la cella come testo e scrivilo
cell-number-out-of-range = il numero { $number } è fuori scala
    .help = scrivi nella cella il valore stesso
cell-error = la cella mostra l'errore { $error }
    .help = scrivi nella cella il valore stesso, non una formula che dà errore
sheet-empty = questo foglio è vuoto
    .help = preparalo con `cruscotto rilevazione --year ANNO --output FILE`, compilalo e rimettilo qui
sheet-column-twice = questa colonna c'è due volte
    .help = tieni una sola colonna per nome
unknown-sheet-column = `{ $name }` non è una colonna del foglio
    .help = la riga d'intestazione ha le colonne { $columns }, e se servono { $optional }
sheet-column-missing = il foglio non ha la colonna `{ $column }`
    .help = la prima riga dà i nomi delle colonne: { $columns }
sheet-row-without-indicator = la riga ha dei dati ma non dice l'indicatore
    .help = scrivi l'id dell'indicatore a cui si riferisce la riga, come nel foglio preparato da `cruscotto rilevazione`
sheet-unknown-indicator = non c'è un indicatore `{ $id }`
    .help = scrivi l'id di un indicatore dei contenuti; `cruscotto rilevazione` prepara il foglio con tutti gli id
sheet-wrong-objective = l'indicatore `{ $id }` appartiene all'obiettivo `{ $objective }`, non a `{ $written }`
    .help = scrivi `{ $objective }` o lascia la cella vuota
sheet-given-twice = dato due volte per `{ $id }` (anche in { $first })
    .help = tieni una sola riga per ogni indicatore e misura
sheet-unknown-measure = `{ $measure }` non è una misura di `{ $id }`
    .help = le sue misure sono: { $measures }
sheet-cause-on-measure = `{ $column }` riguarda l'indicatore, non una delle sue misure
    .help = spostalo sulla riga di `{ $id }` con la cella `measure` vuota
sheet-another-date = `{ $id }` ha un'altra data in { $other }
    .help = una rilevazione dell'anno ha una sola data: scrivila una volta, sulla riga dell'indicatore
sheet-date-where-number-goes = una data dove va un numero
    .help = scrivi il numero (per esempio 65.991 o 65991); se il foglio di calcolo lo ha trasformato in una data, formatta la cella come testo
sheet-number-where-date-goes = un numero dove va la data di completamento
    .help = { -help-date }
sheet-data-without-value = { $year }: il foglio dà { $what } per `{ $id }`, ma nessun valore
    .help = scrivi il valore (o le sue misure) sulla riga dello stesso indicatore, o ND se non è disponibile
sheet-differs-from-content = { $year }: per { $what } di `{ $id }` il foglio dà { $sheet }, i contenuti { $content }
    .label = i contenuti lo scrivono in { $place }
    .help = un dato si scrive in un solo posto: toglilo dai contenuti, o fai dire lo stesso al foglio

## Coerenza del piano

write-value = scrivi `{ $value }`
write-one-of = scrivi uno di questi: { $values }
help-declared-ambiti = usa un ambito dichiarato in cruscotto.yaml: { $ambiti }
delete-parent = togli la riga `parent`
no-objectives = in content/ non ci sono obiettivi
    .help = scrivi un file .md per ogni obiettivo dentro content/ (vedi docs/content-format.md)
ambito-without-objectives = l'ambito `{ $ambito }` non ha obiettivi
    .help = scrivi `ambito: { $ambito }` negli obiettivi che ne fanno parte (`cruscotto new obiettivo "TITOLO" --ambito { $ambito }`), o togli l'ambito
duplicate-ambito = l'id di ambito `{ $id }` è usato due volte
    .label = già usato in { $first }
    .help = dai a ogni ambito il suo id
duplicate-servizio = l'id di Servizio `{ $id }` è usato due volte
    .label = già usato in { $first }
    .help = dai a ogni Servizio il suo id
duplicate-objective = l'id di obiettivo `{ $id }` è usato due volte
    .label = già usato in { $first }
    .help = l'id diventa l'indirizzo della pagina: dai a ogni obiettivo il suo id
duplicate-indicator = l'id di indicatore `{ $id }` è usato due volte
    .label = già usato in { $first }
    .help = l'id di un indicatore deve essere unico in tutto il sito: rendilo più preciso
unknown-ambito = non c'è un ambito `{ $id }`
    .help = scrivi l'id di un ambito dichiarato in cruscotto.yaml
unknown-objective = non c'è un obiettivo `{ $id }`
    .help = scrivi l'id di un obiettivo del sito
unknown-servizio = non c'è un Servizio `{ $id }`
    .help = scrivi l'id di un Servizio dichiarato in cruscotto.yaml
unknown-indicator = non c'è un indicatore `{ $id }`
    .help = scrivi l'id di un indicatore del sito
objective-without-ambito = l'obiettivo `{ $id }` non ha `ambito`
    .help = aggiungi `ambito: ...` con uno di questi: { $ambiti }
top-level-with-parent = un obiettivo di tipo { $kind } sta sotto un ambito e non ha `parent`
    .help = scrivi il tipo di obiettivo che è (`kind:` { $deeper }), o togli la riga `parent`
objective-without-parent = l'obiettivo `{ $id }` di tipo { $kind } non ha `parent`
    .help = aggiungi `parent: ...` con l'id dell'obiettivo a cui contribuisce (un obiettivo di tipo { $parents })
parent-of-wrong-kind = `{ $parent }` è di tipo { $parent_kind }, che non può stare sopra un obiettivo di tipo { $kind }
    .help = sopra un obiettivo `{ $kind_id }` sta un obiettivo di tipo { $parents } (vedi `objectives` in cruscotto.yaml): scrivi l'id di uno di questi, o cambia il `kind` di questo obiettivo
ambito-differs-from-parent = l'ambito `{ $ambito }` è diverso da quello dell'obiettivo sopra, `{ $parent_ambito }`
    .help = togli la riga `ambito`: un obiettivo sotto un altro ne prende l'ambito
servizi-not-assigned = gli obiettivi di tipo { $kind } non sono assegnati ai Servizi
    .help = sposta `servizi` negli obiettivi sotto questo, o indica chi ne risponde con `responsible:`
objective-without-servizi = l'obiettivo `{ $id }` di tipo { $kind } non ha un Servizio
    .help = aggiungi `servizi: [...]` con gli id di cruscotto.yaml ({ $servizi }), o `servizi: all`
target-year-far-from-period = l'anno del target, { $year }, è lontano dal periodo dell'obiettivo { $period } e da quello del piano { $plan_period }
    .help = controlla l'anno: ci si aspettano target dal { $first } al { $last }; un target per un altro anno è tenuto e mostrato come scritto
base-year-not-before = l'anno di partenza { $base } non viene prima dell'anno del target, { $year }
    .help = una variazione si misura su un anno precedente: indica un anno prima di quello del target (`rispetto al 2020`)
deadline-on-non-date = il target `{ $target }` è una scadenza, ma l'unità dell'indicatore è `{ $unit }`
    .help = una scadenza richiede `unit: date` nell'indicatore (il suo valore è la data di completamento)
value-target-on-date = il target `{ $target }` non va bene per un indicatore con `unit: date`
    .help = un indicatore con `unit: date` ha come target una scadenza: `entro il 31/12/2023`
target-in-another-unit = il target `{ $target }` è in { $written }, ma l'unità dell'indicatore è { $unit }
    .help = scrivi `unit: { $written }` nell'indicatore, o scrivi il target senza il simbolo dell'unità
measures-without-formula = l'indicatore `{ $id }` dichiara delle misure ma non ha una formula
    .help = aggiungi `formula: ...` per calcolare il valore dalle misure
formula-on-date-indicator = un indicatore di data non può avere una formula
    .help = togli la formula: il valore di un indicatore di data è la data di completamento scritta nella serie
formula-unknown-measure = la formula usa `{ $name }`, che non è una misura di questo indicatore
    .help = dichiarala sotto `measures:` (`{ $name }: {"{"} label: "...", source: "..." {"}"}`)
formula-refers-to-itself = la formula si riferisce al suo stesso indicatore
    .help = usa le misure, o prev(x) per l'anno precedente
counting-without-children = count_above() e count_assessed() guardano gli indicatori degli obiettivi sotto questo, e questo obiettivo non ne ha
    .help = aggiungi `scope: [id-obiettivo, ...]` con gli obiettivi da guardare
scope-without-counting = `scope` serve solo a count_above() e count_assessed()
    .help = togli `scope`, o usa nella formula le funzioni che contano
measure-not-used = la misura `{ $name }` non è usata dalla formula
    .help = usala in `formula: { $formula }` o toglila
indicators-in-a-circle = questi indicatori dipendono l'uno dall'altro in cerchio: { $circle }
    .help = rompi il cerchio: uno di loro deve essere calcolato solo dalle misure
note-label-reused = l'etichetta di nota "{ $label }" è usata da { $count } indicatori
    .label = usata anche da { $others }
    .help = il documento di origine riusa questa etichetta: controlla a quale nota si riferisce ogni indicatore (il primo che la riusa: `{ $second }`)
note-not-referenced = nessun indicatore rimanda a "{ $label }"
    .help = il documento di origine stampa questa nota, ma nessun indicatore vi rimanda

## Calcolo dei risultati

working-with = { $formula } con { $terms }
division-by-zero = nel { $year } la formula di `{ $id }` divide per zero: `{ $divisor }` vale 0
    .help = controlla le misure di quell'anno: un denominatore pari a 0 non ha senso; scrivi ND se il dato non è disponibile
formula-overflow = nel { $year } la formula di `{ $id }` dà un numero troppo grande per essere calcolato esatto
    .help = controlla nelle misure di quell'anno che il separatore delle migliaia sia al posto giusto
printed-value-disagrees = { $year }: la fonte stampa { $printed } per `{ $id }`, ma dalle sue misure risulta { $computed }
    .help = il valore stampato e il suo numeratore/denominatore non tornano: controlla la fonte; il sito mostra e valuta il valore stampato, con quello ricalcolato accanto come verifica (`scoring: {"{"} values: computed {"}"}` fa valutare quello ricalcolato)
computed-value-disagrees = { $year }: la fonte stampa { $printed } per `{ $id }`, ma dalle sue misure risulta { $computed }
    .help = il valore stampato e il suo numeratore/denominatore non tornano: controlla la fonte; con `values: computed` il sito mostra e valuta il valore ricalcolato, con quello stampato accanto
shortfall-without-cause = { $year }: `{ $id }` non ha raggiunto il target e non ne dice la causa
    .help = spiega lo scostamento: aggiungi `cause: "..."` (e `action:` per l'azione correttiva) al valore { $year } della sua serie, o compila la colonna cause di rilevazioni/{ $year }

## Tema e pagine

labels-not-a-mapping = un file di traduzioni è un elenco di righe `chiave: "etichetta"`
    .help = scrivi un'etichetta per riga, per esempio `nav_home: "Panoramica"`
label-not-text = un'etichetta deve essere una riga di testo
    .help = scrivi `chiave: "etichetta"`
labels-missing = nel file di traduzioni del tema mancano le etichette: { $keys }
    .help = aggiungi le chiavi mancanti al file di traduzioni
template-unreadable = un modello del tema non si legge: { $detail }
    .help = correggi il modello indicato (i modelli propri di un sito sono in themes/<nome>/templates/)
template-failed = il modello `{ $template }` non è riuscito a comporre { $page }: { $detail }
    .help = controlla il modello rispetto ai dati che la pagina gli passa
internal-error = errore interno di cruscotto: { $detail }
    .help = è un difetto di cruscotto: segnalalo, con i contenuti che lo causano

## Scrittura del sito

doing-create-folder = non si può creare la cartella
doing-replace-folder = non si può sostituire la cartella
doing-write-file = non si può scrivere il file
doing-read-link = non si può leggere il collegamento
doing-restore-previous = non si può rimettere a posto il sito precedente
doing-move-leftover = non si può spostare una cartella rimasta
doing-remove-leftover = non si può togliere una cartella rimasta
doing-move-site = non si può mettere a posto il nuovo sito
doing-swap-site = non si può scambiare il nuovo sito con il precedente
doing-move-previous = non si può mettere da parte il sito precedente
bug-file-over-folder = un file del sito ha il percorso di una cartella del sito
bug-same-path = due file del sito hanno questo percorso
bug-reserved-name = una pagina ha il nome di un file che la costruzione scrive da sé
bug-path-outside = un file del sito ha un percorso fuori dalla cartella del sito
bug-no-name = un file del sito non ha nome
output-without-name = la cartella di destinazione non ha un nome
    .help = indica con --output una cartella con un nome, per esempio --output sito
output-not-ours = la cartella di destinazione esiste e non è stata scritta da cruscotto: non viene toccata
    .help = scegli con --output una cartella vuota o nuova, o cancella questa se non serve
folder-in-the-way = questa cartella intralcia la costruzione e non è stata scritta da cruscotto
    .help = spostala altrove o cancellala
output-link-loop = la cartella di destinazione è un giro di collegamenti che rimandano l'uno all'altro
    .help = indica con --output una cartella vera
write-failed = { $doing }: { $reason }
    .help = controlla di poter scrivere nella cartella e che il disco non sia pieno

## Stampa in PDF

doing-create-print-folder = non si può creare una cartella in cui stampare
doing-write-print-file = non si può scrivere un file da stampare
chromium-variable-not-a-file = { $variable } indica `{ $path }`, che non è un file
    .help = imposta { $variable } sul programma Chromium, o toglila per usare quello nel PATH
chromium-missing = --pdf ha bisogno di Chromium, che non è installato
    .help = installa Chromium (su Debian e Ubuntu: `apt-get install chromium`), o imposta { $variable } sul suo percorso; senza --pdf il sito si costruisce senza PDF
chromium-not-started = non si riesce ad avviare Chromium ({ $program }): { $reason }
    .help = controlla che funzioni, o imposta { $variable } su un altro Chromium
chromium-timeout = Chromium non ha finito di stampare il documento in { $seconds } secondi
    .help = riprova; se succede di nuovo, costruisci senza --pdf
chromium-failed = Chromium non è riuscito a stampare il documento ({ $status }){ $detail }
    .help = controlla che Chromium funzioni su questo computer, o costruisci senza --pdf
print-io-failed = { $doing }: { $reason }
    .help = controlla che la cartella temporanea sia scrivibile e il disco non sia pieno
printed-pdf-unreadable = il PDF stampato da Chromium non si legge: { $detail }
    .help = controlla che Chromium funzioni su questo computer, o costruisci senza --pdf
printed-pdf-without-outline = il PDF stampato da Chromium non ha i segnalibri: { $detail }
    .help = per --pdf serve Chromium dalla versione 120 in poi

## Nuovo sito, nuovi file, schema

subject-the-kind = il tipo di obiettivo
subject-the-servizio = il Servizio
subject-the-ambito = l'ambito
subject-an-objective = un obiettivo
help-none-yet = nel sito non c'è ancora { $what }: aggiungine uno prima (vedi docs/content-format.md)
bug-preset-missing = l'esempio `{ $preset }` manca in questa versione di cruscotto
unknown-site-preset = `{ $preset }` non è un tipo di ente per cui init sa preparare un sito
    .help = scrivi uno di questi: { $presets }
init-folder-not-empty = la cartella non è vuota
    .help = indica una cartella nuova, o una vuota: init non sovrascrive mai i file
init-not-a-folder = questa non è una cartella
    .help = indica una cartella nuova per il sito
new-servizi-not-assigned = gli obiettivi di tipo `{ $kind }` non sono assegnati ai Servizi
    .help = togli --servizi: gli obiettivi sotto questo indicano i loro Servizi
new-top-level-with-parent = gli obiettivi di tipo `{ $kind }` stanno sotto un ambito, non sotto un altro obiettivo
    .help = scrivi --ambito <id> al posto di --parent, o scegli con --kind un tipo di livello più basso
new-parent-of-wrong-kind = `{ $parent }` è di tipo `{ $parent_kind }`, che non può avere sotto un obiettivo di tipo `{ $kind }`
    .help = indica con --parent un obiettivo di tipo { $parents }, o un altro tipo con --kind
new-file-exists = esiste già un file con questo nome
    .help = dai all'obiettivo un altro titolo, o rinomina il file che c'è
new-unknown-id = { $what } `{ $value }` non esiste in questo sito
    .help = scrivi uno di questi: { $ids }
new-option-missing = manca { $option }
    .help = aggiungi `{ $option } <id>` con uno di questi: { $ids }
new-indicators-not-found = non si trova dove sono scritti gli indicatori di questo obiettivo
    .help = scrivi l'elenco come `indicators:` all'inizio di una riga, poi aggiungi l'indicatore a mano

## Anteprima

serve-overlay-title = I contenuti hanno errori: questa è l'ultima versione corretta
serve-serving = anteprima del sito su { $address } (Ctrl+C per fermarla)
serve-rebuilt = sito ricostruito in { $ms } ms ({ $warnings ->
    [one] { $warnings } avviso
   *[other] { $warnings } avvisi
})
serve-failed = { $errors ->
    [one] i contenuti hanno { $errors } errore
   *[other] i contenuti hanno { $errors } errori
}: resta in anteprima l'ultima versione corretta ({ $ms } ms)
serve-port-unavailable = non si può aprire l'anteprima su { $address }: { $detail }
    .help = forse un altro programma usa la porta: scegline un'altra con --port
serve-no-site-folder = la cartella del sito non si apre: { $reason }
    .help = indica con --root la cartella che contiene cruscotto.yaml
serve-cannot-watch = non si possono seguire le modifiche nella cartella del sito: { $detail }
    .help = controlla di poter leggere la cartella; su Linux, se i file sono tanti, alza il limite fs.inotify.max_user_watches

## Riga di comando

cli-check-failed = controllo non superato: { $counts }
cli-build-failed = costruzione non riuscita, la cartella di destinazione non è stata toccata: { $counts }
cli-build-failed-untouched = costruzione non riuscita, la cartella di destinazione non è stata toccata
cli-build-failed-output = costruzione non riuscita, il sito precedente non è stato toccato
cli-built = { $files ->
    [one] scritto { $files } file
   *[other] scritti { $files } file
} in { $folder } ({ $written ->
    [one] { $written } nuovo o cambiato
   *[other] { $written } nuovi o cambiati
}, { $kept ->
    [one] { $kept } uguale e tenuto
   *[other] { $kept } uguali e tenuti
}{ $editions }; { $counts })
cli-sheet-not-written = foglio non scritto: { $counts }
cli-sheet-written = scritto il foglio del { $year } in { $file } ({ $rows ->
    [one] { $rows } riga
   *[other] { $rows } righe
}): compila value, as_of (vuota per un valore finale) e cause, poi mettilo in { $folder }/{ $year }.{ $extension }
cli-init-done = creato un nuovo sito ({ $preset }) in { $folder }: prova `cruscotto check --root { $folder }`, poi `cruscotto serve --root { $folder }`
cli-new-objective = creato { $file }: modificalo, poi lancia `cruscotto check`
cli-new-indicator = aggiunto l'indicatore `{ $id }` a { $file }: modificalo, poi lancia `cruscotto check`
cli-wrote = scritto { $file }
about-option = { $option }
unknown-message-language = `{ $language }` non è una lingua dei messaggi
    .help = scrivi --lang con una di queste: { $languages }
sheet-year-outside-plan = nessun obiettivo copre il { $year }: il piano va dal { $period }
    .help = scrivi --year con un anno del piano
sheet-file-exists = il file esiste già e potrebbe contenere dei risultati
    .help = spostalo altrove, o indica un altro file con --output

## Il riepilogo di check

summary-title = { $ente } - { $edition } (anno di riferimento { $year })
summary-counts = { $ambiti ->
    [one] { $ambiti } ambito
   *[other] { $ambiti } ambiti
}, { $objectives ->
    [one] { $objectives } obiettivo
   *[other] { $objectives } obiettivi
} ({ $kinds }), { $indicators ->
    [one] { $indicators } indicatore
   *[other] { $indicators } indicatori
}, { $targets ->
    [one] { $targets } target annuale
   *[other] { $targets } target annuali
}
summary-achievement = Grado di raggiungimento
summary-plan = Piano (media degli ambiti)
summary-year = { $year }: { $targets } target: { $met } raggiunti, { $partly } parzialmente raggiunti, { $missed } non raggiunti, { $unassessed } non valutabili
summary-not-assessable = non valutabili: { $reasons }
summary-rests-on = il raggiungimento del piano si basa su { $assessed } target su { $targets }, in { $ambiti_assessed } ambiti su { $ambiti }; { $monitoring ->
    [one] { $monitoring } valore di monitoraggio
   *[other] { $monitoring } valori di monitoraggio
}

## La barra di avanzamento

progress-files = file
progress-checking = controllo dei contenuti
progress-pages = pagine e dati
progress-printing = stampa dei PDF
progress-editions = edizioni precedenti
progress-finishing = il sito va al suo posto

## Edizioni del piano

help-config-unchanged = l'edizione attuale è archiviata in { $folder }; { $config } non è cambiato: porta avanti a mano l'anno di riferimento e il periodo
bug-next-config = non si è riusciti a scrivere { $config } della nuova edizione (nulla è stato cambiato)
doing-copy-file = non si può copiare il file
summary-earlier-editions = Edizioni precedenti: { $editions }
summary-changes-since = Modifiche rispetto a { $folder }: { $changes }, di cui { $targets } target cambiati ({ $undeclared } senza una revisione dichiarata)
cli-built-editions = { $total ->
    [0] {""}
    [one] { $reused ->
        [one] , 1 edizione precedente uguale e ripresa
       *[other] , 1 edizione precedente ricostruita
    }
   *[other] , { $total } edizioni precedenti: { $rendered } ricostruite, { $reused } uguali e riprese
}
cli-edition-archived = archiviata l'edizione attuale in { $folder } ({ $files ->
    [one] { $files } file
   *[other] { $files } file
}): la prossima costruzione la pubblica lì
cli-edition-started = { $config } ora descrive l'edizione { $id }: anno di riferimento { $year }, periodo { $period }, titolo { $edition }
still-last-updated = plan.last_updated
still-edition = plan.edition (non nomina il periodo)
still-approval = { $removed ->
    [yes] plan.approval, quando la nuova edizione è adottata
   *[no] plan.approval, quando la nuova edizione è adottata (facoltativo)
}
still-objectives = gli obiettivi, gli indicatori e i target del nuovo piano (un target rivisto: `target:` quello dell'edizione precedente, `revised:` il nuovo, `reason:`)
cli-edition-still-to-write = resta da scrivere: { $items }
cli-edition-check-lists = `cruscotto check` ora segnala { $counts }, ognuno con il suo file e la sua riga (tra questi, i target cambiati senza una revisione dichiarata)
cli-edition-content-behind = i contenuti parlano ancora del { $previous } dove la nuova edizione ha bisogno del { $year }: `cruscotto check` segnala { $counts }, ognuno con il suo file e la sua riga
cli-edition-refused = nulla è stato cambiato: l'edizione attuale ha { $counts }; un'edizione si archivia come è stata pubblicata, quindi prima correggili
revision-not-declared = { $year }: il target di `{ $indicator }` era `{ $before }` nell'edizione precedente ({ $previous }) e ora è `{ $after }`, senza una revisione dichiarata
    .label = cambiato rispetto all'edizione precedente
    .help = dichiara la revisione, così le pagine mostrano entrambi i target: `{ $year }: {"{"} target: "{ $before }", revised: "{ $after }", reason: "..." {"}"}`
revision-original-differs = { $year }: la revisione di `{ $indicator }` parte da `{ $declared }`, ma l'edizione precedente ({ $previous }) aveva `{ $before }`
    .label = non è il target dell'edizione precedente
    .help = scrivi come target originale quello dell'edizione precedente: `target: "{ $before }"`, o controlla l'edizione precedente
earlier-edition-more-recent = l'edizione precedente { $folder } è più recente di quella attuale (anno di riferimento { $year }, questa { $current_year })
    .help = l'edizione attuale è quella nella cartella principale del sito: controlla plan.reference_year qui e nel cruscotto.yaml dell'edizione precedente
editions-not-a-folder = { $folder } non è una cartella
    .help = { $folder }/ contiene le edizioni precedenti del sito, una cartella ciascuna: sposta altrove questo file
edition-is-a-link = un'edizione precedente è un collegamento
    .help = un'edizione precedente si tiene nel sito com'è stata pubblicata: copia la sua cartella dentro { $folder }/ invece di collegarla
edition-not-a-folder = { $file } non è letto: un'edizione precedente è una cartella
    .help = { $folder }/ contiene una cartella per ogni edizione precedente: sposta fuori questo file
invalid-edition-folder = `{ $name }` non va bene come id di un'edizione: diventa l'indirizzo { $folder }/{ $name }/
    .help = rinomina la cartella con lettere minuscole, cifre e trattini, per esempio `{ $example }`
edition-without-config = l'edizione precedente { $folder } non ha { $config }
    .help = un'edizione precedente è un sito completo: il suo { $config } e content/ come sono stati pubblicati (`cruscotto edizione nuova` archivia quella attuale)
edition-id-taken = l'edizione attuale e quella precedente in { $folder } hanno lo stesso id `{ $id }`
    .help = dai all'edizione attuale un id suo: `edition_id: ...` sotto `plan:` in { $config } (senza, l'id è l'anno di riferimento)
edition-page-without-banner = la pagina { $page } di questa edizione precedente non dice di quale edizione è
    .help = il tema proprio di questa edizione sostituisce templates/base.html senza l'avviso dell'edizione: aggiungi {"{"}% include "partials/edition-banner.html" %{"}"} subito dopo <header ...>, o toglilo per usare quello incluso
edition-unreadable = l'edizione precedente non si legge: { $reason }
    .help = controlla di poter leggere i suoi file
invalid-edition-id = `{ $id }` non va bene come id di un'edizione
    .help = l'id diventa l'indirizzo { $folder }/<id>/ quando l'edizione è archiviata: usa lettere minuscole, cifre e trattini, per esempio `--id { $example }`
edition-id-exists = un'edizione precedente ha già l'id `{ $id }`
    .help = dai alla nuova edizione un id che nessuna edizione precedente ha
edition-id-is-current = `{ $id }` è l'id dell'edizione attuale
    .help = dai alla nuova edizione un id suo, per esempio il suo anno di riferimento
current-edition-archived-already = l'id dell'edizione attuale è `{ $id }`, e { $folder } esiste già
    .help = nulla è stato cambiato: dai all'edizione attuale un id suo con `edition_id: ...` sotto `plan:` in { $config }, poi lancia di nuovo il comando
plan-not-in-block-form = { $config } non scrive `plan:` con una chiave per riga
    .help = scrivi `plan:` con una chiave per riga sotto (vedi docs/content-format.md), poi lancia di nuovo il comando
