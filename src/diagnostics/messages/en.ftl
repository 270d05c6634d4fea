# cruscotto's messages in English: every problem (its code, with `.label`
# under the quoted line and `.help`, what to write) and the command line's
# own lines. { $name } is a value cruscotto fills in.
# messages/it.ftl has the same messages, with the same values.

## Common words

severity-error = error
severity-warning = warning
help-prefix = help
did-you-mean = did you mean `{ $word }`?
cli-in = { $message } in { $time }
cli-time-ms = { $ms } ms
cli-time-s = { $seconds }.{ $tenths } s
cli-counts = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}

## What is written (for labels)

found-single-value = a single value
found-empty-value = an empty value
found-list = a list
found-mapping = a mapping of `key: value` lines
write-key = write `{ $key }:`

## Writing YAML

yaml-syntax = this is not valid YAML: { $detail }
    .help = check the indentation and quote values that contain `: `, `#` or start with a symbol, e.g. target: ">= 15%"
yaml-too-deep = lists and mappings are nested too deep here (at most { $max } levels)
    .help = the content format needs only a few levels: check the indentation and the brackets
yaml-alias = YAML aliases (`*name`) are not supported here
    .help = write the value out in full
duplicate-key = the key `{ $key }` is written twice
    .label = first written on line { $line }
    .help = keep one of the two and delete the other
not-a-mapping = { $what } must be a mapping of `key: value` lines
    .label = this is { $found }
    .help = write one key per line, `key: value`, with the same indentation
missing-key = { $what } has no `{ $key }`
    .help = add a line `{ $key }: ...`
unknown-key = unknown key `{ $key }` in { $what }
    .help = the keys of { $what } are: { $keys }

## Values, numbers and dates

subject-number = a number
subject-date = a date
subject-target = a target
subject-formula = a formula
-help-number = write a number like 65.991 (a dot before groups of three digits separates thousands), 0,17 or 0.17 (decimals), optionally with a sign (-8,75) and a unit (15,02%, € 48,46, 3 gg)
-help-date = write a date as day/month/year, e.g. 31/12/2023 (also 31.12.2023, 2023-12-31, 31 dicembre 2023), or a month (dicembre 2023) or a semester (II semestre 2023), which mean their last day
too-long = `{ $value }` is { $length } characters long, more than the { $max } { $what } may have
    .help = check that this is the right value, in the right place
not-a-number = `{ $value }` is not a number
    .help = { -help-number }
number-two-decimal-separators = `{ $value }` has more than one decimal separator
    .help = { -help-number }
number-dot-and-comma = `{ $value }` mixes a dot and a comma: the dot must separate thousands (groups of three digits)
    .help = { -help-number }
number-misplaced-dots = `{ $value }` has dots that are not thousands separators (groups of three digits)
    .help = { -help-number }
number-too-large = `{ $value }` is too large
    .help = { -help-number }
number-too-many-digits = `{ $value }` has more digits than can be kept exactly (at most { $max })
    .help = { -help-number }
number-followed-by-text = `{ $value }` is not a number: `{ $rest }` follows it
    .help = { -help-number }
not-a-date = `{ $value }` is not a date
    .help = { -help-date }
date-without-year = `{ $value }` has no year
    .help = { -help-date }

## Targets

help-target = write a target like `>= 0,21%`, `<= 3`, `100%`, `zero`, `entro il 31/12/2023`, `entro giugno 2023`, `+10%`, `+2 p.p.`, `+5% rispetto al 2020`, `> media triennio precedente`, `≤ dato medio nazionale`, `da definire` or `n.d.` (see docs/content-format.md)
target-empty = the target is empty
    .help = { help-target }
target-deadline-without-date = `{ $target }` has no date after `entro`
    .help = write it like `entro il 31/12/2023`, `entro il 30/4`, `entro giugno 2023` or `entro il 2023`
target-without-comparator = `{ $target }` needs a comparator
    .help = write e.g. `{ $example }`
target-unreadable = `{ $target }` is not a target I can read
    .help = { help-target }
target-change-without-base-year = `{ $text }` names no base year
    .help = write it like `+5% rispetto al 2020`, or `+5%` for a change on the previous year
target-baseline-without-year = `{ $target }` names no base year
    .help = write it like `>= baseline 2020 + 10%`
target-no-number-after-sign = `{ $target }` has no number after the sign
    .help = { help-target }

## Formulas

-help-formula = write a formula like `num / den * 100`, with measure names, numbers, + - * / and brackets, and the functions prev(x), mean_prev(x, 3), indicator(id), count_above(90), count_assessed()
formula-token-number = number `{ $number }`
formula-token-name = name `{ $name }`
formula-token-symbol = `{ $symbol }`
formula-to-close-bracket = to close the bracket
formula-to-close-call = to close `{ $function }(`
formula-between-arguments = between the arguments of `{ $function }`
formula-unexpected-after-end = unexpected { $found } after a complete formula
    .help = { -help-formula }
formula-character = `{ $character }` cannot appear in a formula
    .help = { -help-formula }
formula-expected = expected { $wanted } { $context }, found { $found }
    .help = { -help-formula }
formula-ends-early = expected { $wanted } { $context }, but the formula ends
    .help = { -help-formula }
formula-too-deep = brackets, signs and functions are nested more than { $max } deep
    .help = { -help-formula }
formula-function-without-brackets = `{ $name }` is a function
    .help = write `{ $name }(...)`
formula-expected-operand = expected a number, a measure or `(`, found { $found }
    .help = { -help-formula }
formula-ends-without-operand = the formula ends where a number or a measure was expected
    .help = { -help-formula }
formula-mean-prev-too-many-years = mean_prev takes at most { $max } years, not { $years }
    .help = write e.g. `mean_prev(x, 3)`
formula-mean-prev-years = mean_prev needs a whole number of years
    .help = write e.g. `mean_prev(x, 3)`
formula-count-above-threshold = count_above needs an achievement threshold in %
    .help = write e.g. `count_above(90)`
formula-unknown-function = unknown function `{ $name }`
    .help = the functions are: { $functions }
formula-function-needs-name = `{ $function }(...)` needs a name inside the brackets
    .help = { -help-formula }

## Addresses

url-control-characters = it holds control characters
url-scheme-not-allowed = `{ $scheme }:` addresses are not allowed on a public page (only { $schemes })

## Simple values

subject-key = `{ $key }`
-help-url = write a web address (https://...), an e-mail address (mailto:ufficio@example.it), a phone number (tel:+39...) or a page of this site
not-a-single-value = `{ $key }` must be a single value
    .label = this is { $found }
    .help = write `{ $key }: "..."` on one line
not-a-list = `{ $key }` must be a list (lines starting with `- `)
    .label = this is { $found }
    .help = write each item on a line starting with `- `, under `{ $key }:`
empty-value = `{ $key }` is empty
    .help = write it as printed in the plan: `{ $key }: "..."`
address-not-allowed = `{ $key }` cannot be published: { $reason }
    .help = { -help-url }
not-a-flag = `{ $key }` must be true or false, not `{ $value }`
    .help = write `{ $key }: true` or `{ $key }: false`
not-a-year = `{ $value }` is not a year
    .help = write a year with four digits, e.g. 2023
not-a-period = `{ $value }` is not a period
    .help = write a single year (2023) or two years with a dash (2022-2024)
period-reversed = the period `{ $period }` ends before it starts
    .help = write the first year, then the last: 2022-2024
invalid-id = `{ $value }` is not a valid id
    .help = ids go into page addresses: use lowercase letters, digits and dashes, e.g. `{ $example }`

## Files and folders

io-not-found = it does not exist
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = it is not a folder
io-disk-full = the disk is full
io-other = { $detail }
file-unreadable = cannot read this file: { $reason }
    .help = check that the file exists and that you may read it
file-too-large = this file is { $size } MB, more than the { $max } MB a file of the site may have
    .help = check that it is the right file; split a long narrative over several objectives
file-not-utf8 = this file is not UTF-8 text: the byte { $byte } here is not a character
    .help = save the file with the UTF-8 encoding (in most editors: Save as, Encoding: UTF-8)
folder-unreadable = cannot read the folder { $folder }: { $reason }
    .help = check that you may read it; if it is a link, replace it with the folder itself
folder-link-inside = { $folder } is a link to { $target }: it is read as if the folder were here
    .help = a link is easily lost when the site is copied: move the folder here
folder-link-outside = { $folder } is a link to { $target }, outside the site folder: it is not read
    .help = everything the site publishes must be inside the site folder: move the folder here
file-link-inside = { $link } is a link to { $target }: it is read as if the file were here
    .help = a link is easily lost when the site is copied: replace it with the file
file-link-outside = { $link } is a link to { $target }, outside the site folder: it is not read
    .help = everything the site publishes must be inside the site folder: copy the file here
link-broken = { $link } is a link to { $target }, which does not exist
    .help = delete the link, or replace it with the file itself
link-to-folder = { $link } is a link to the folder { $target }: links to folders are not followed
    .help = replace the link with the folder itself
folder-named-md = { $folder } is a folder: objectives are files ending in .md
    .help = rename the folder without `.md` at the end
not-an-objective-file = { $file } is not read: objective files end in .md
    .help = rename it to end in .md if it is an objective, or move it out of content/

## The config file cruscotto.yaml

subject-config = cruscotto.yaml
subject-section = `{ $name }`
subject-ambito = an ambito
subject-servizio = a Servizio
no-config = there is no site config { $config }
    .help = run cruscotto in a site folder (one with { $config } and { $content }/), or pass --root with the folder
no-content-folder = there is no { $content }/ folder
    .help = create { $content }/ with one .md file per objective (see docs/content-format.md)
no-ipa-code = `ente` has no `ipa_code`: the open-data catalogue (dati/catalogo.jsonld) identifies the body and its dataset by the body's web address instead
    .help = add `ipa_code: "..."` under `ente:` with the body's code in the Indice delle Pubbliche Amministrazioni (IPA), e.g. `ipa_code: "cciaa_ge"`
invalid-ipa-code = `{ $code }` is not an IPA code
    .help = write the body's code in the Indice delle Pubbliche Amministrazioni: letters, digits and `_`, e.g. `ipa_code: "cciaa_ge"`
relazione-year-outside-period = the Relazione year { $year } is outside the plan's period { $period }
    .help = write a year from { $first } (the year before the plan, whose results it reports) to { $last }
reference-year-outside-period = the reference year { $year } is outside the plan's period { $period }
    .help = write a year from { $first } to { $last }
unknown-language = the language `{ $language }` is not available
    .help = write `language: it` or `language: en`
base-url-not-absolute = the base_url `{ $url }` is not a full web address: the sitemap and the canonical links of the pages need one
    .help = write the address where the site is published, e.g. `base_url: "https://www.example.it/performance/"`
theme-not-a-name = the theme `{ $name }` is not the name of a folder under themes/
    .label = a path here would publish the files of another folder
    .help = write the name of a folder in the site's themes/ folder, e.g. `theme: ente`
theme-missing = the theme `{ $name }` does not exist
    .label = there is no folder themes/{ $name }/
    .help = create the folder themes/{ $name }/ with the templates or static files to override, or delete `theme` from { $config }
unknown-data-licence = `{ $licence }` is not a licence for the open data
    .help = write one of { $licences } (the default, Creative Commons Attribution 4.0, is what the guidelines on open data recommend)
percentage-not-positive = `{ $key }` must be a percentage above zero
    .help = write e.g. `{ $key }: { $example }`
unknown-scoring-rule = `{ $rule }` is not a scoring rule
    .help = write `{ $key }: proportional` or `{ $key }: binary`
unknown-value-choice = `{ $choice }` is not a choice of values
    .help = write `values: printed` (the published figure counts) or `values: computed` (the figure recomputed from the measures counts)
unknown-rollup-rule = `{ $rule }` is not a roll-up rule
    .help = write `rollup: own` (an objective is scored on its own indicators), `rollup: children` (on its children) or `rollup: {"{"} own: 40, children: 60 {"}"}` (a weighted mix)
rollup-weight-not-positive = the weight `{ $key }` must be above zero
    .help = write two positive weights, e.g. `rollup: {"{"} own: 40, children: 60 {"}"}`; for one of them alone write `rollup: own` or `rollup: children`

## Kinds and levels of objectives

subject-kind = a kind of objective
-help-tree = write `objectives: {"{"} preset: comune {"}"}` (or camera-di-commercio, amministrazione-centrale), or declare `kinds:` with id, singular, plural and level (see docs/content-format.md)
unknown-preset = `{ $preset }` is not a preset of objectives
    .help = write one of: { $presets }
preset-and-kinds = `objectives` has both a `preset` and its own `kinds`
    .help = keep `preset:` to use a preset's kinds, or delete it and declare every kind under `kinds:`
no-preset-nor-kinds = `objectives` has neither a `preset` nor `kinds`
    .help = { -help-tree }
no-kinds = `kinds` declares no kind of objective
    .help = { -help-tree }
duplicate-kind = the kind `{ $kind }` is declared twice
    .help = give each kind of objective its own id
no-top-level-kind = no kind of objective has `level: 1`
    .help = the objectives directly under an ambito are of level 1: declare at least one kind with `level: 1`
top-level-kind-with-parents = the kind `{ $kind }` is of level 1 and cannot have parents
    .help = objectives of level 1 sit under an ambito: delete `parents`, or give the kind a deeper level
unknown-parent-kind = the kind `{ $kind }` names `{ $parent }` as a parent, which is not declared
    .help = write kinds declared here: { $kinds }
parent-kind-not-above = the kind `{ $kind }` (level { $level }) names `{ $parent }` (level { $parent_level }) as a parent
    .help = a parent is of a higher level (a smaller number) than its children: fix the levels or the parents
kind-without-level-above = the kind `{ $kind }` is of level { $level } but no kind is of level { $above }
    .help = name its parents' kinds with `parents: [...]`, or declare a kind of the level above
invalid-level = `{ $level }` is not a level: levels are whole numbers from 1 to { $max }
    .help = write `level: 1` for the objectives under an ambito, 2 for their children, and so on
unknown-servizi-rule = `{ $rule }` is not a rule for Servizi
    .help = write `servizi: required` (each objective names its Servizi), `optional` or `none`

## Objectives and indicators

subject-objective = the objective
subject-responsible = the responsible
subject-indicator = the indicator
subject-measure = the measure
subject-note = the note
about-formula = the formula `{ $formula }` cannot be read
no-front-matter = this file has no front-matter
    .help = start the file with a line `---`, the objective's keys (id, kind, title, ...), then another line `---` and the narrative
objective-without-period = the objective has no `period`
    .help = add `period: 2022-2024` (or a single year: `period: 2023`)
objective-without-indicators = the objective has no `indicators`
    .help = an objective is measured by its indicators: add `indicators:` with at least one (see docs/content-format.md)
indicators-empty = the list of indicators is empty: the objective cannot be measured
    .help = an objective is measured by its indicators: write at least one (`cruscotto new indicatore "NOME" --obiettivo ID`, or see docs/content-format.md)
narrative-too-deep = the narrative nests quotes, lists or emphasis more than { $max } deep here
    .help = write the narrative as paragraphs, with lists at most a few levels deep
link-not-allowed = the link `{ $link }` cannot be published: { $reason }
    .help = { -help-url }
image-on-other-host = the image `{ $image }` is on another site: a public page loads nothing from other hosts
    .help = link to it instead, `[description](https://...)`, or put the image in the theme's static/ folder
unknown-kind = `{ $kind }` is not a kind of objective of this site
    .help = write one of: { $kinds } (the kinds declared under `objectives` in { $config })
responsible-without-name = the responsible has neither a `name` nor a `role`
    .help = write `{"{"} name: "Maria Rossi", role: "Dirigente del Settore Finanze" {"}"}`, or just one of them
weight-not-positive = a weight must be above zero
    .help = write a positive number, e.g. `weight: 2`; leave it out for the default 1
invalid-decimals = `decimals` must be a whole number from 0 to { $max }
    .help = write e.g. `decimals: 2`
target-and-targets = the indicator has both `target` and `targets`
    .help = use `targets:` with one line per year, or one `target:` for the reference year
unknown-unit = `{ $unit }` is not a unit
    .help = write one of: { $units }
invalid-measure-name = `{ $name }` is not a valid measure name
    .help = use lowercase letters, digits and underscores, starting with a letter: `imprese_attive`
subject-the-target = the target
about-target = the target cannot be read
change-without-change-target = `change` applies to a change on a base year, and this target is not one
    .help = delete `change`: it says how `+10%` is meant (`points` or `relative`)
reason-without-revision = a `reason` without a `revised` target
    .help = add `revised: ...` with the new target, or move the text to the indicator's `remark`
unknown-change = `{ $change }` is not a kind of change
    .help = write `change: points` (percentage points) or `change: relative` (in % of the base value)
points-on-non-percentage = `{ $target }` is in percentage points, but the indicator is not a percentage
    .help = percentage points (p.p.) measure a change of a percentage: write `+10%` for a relative change, or a change in the indicator's unit (`+5`)
change-points-on-non-percentage = `change: points` applies to percentage indicators only
    .help = delete `change`, or write `change: relative`
ambiguous-percent-change = `{ $target }` on a percentage indicator can mean two things: a change of { $number } percentage points, or of { $number }% of the base value
    .label = which change is meant?
    .help = write `{ $points }` for percentage points; or keep the text as printed and add `change: points` or `change: relative` to the target (`target: {"{"} target: "{ $text }", change: points {"}"}`)

## Series and values

subject-series-entry = the series entry
help-free-text = write a number (65.991, 0,17, 15,02%), `ND` when the value is not available, or, for words the source prints instead of a value, `{"{"} text: "manifestazioni annullate" {"}"}`
no-measures-declared = this indicator declares none
about-measure = the measure `{ $name }`
about-completion-date = a date indicator's value is the completion date
help-completion-date = { -help-date }; or `non realizzato` when it was not completed, `ND` when not known
value-and-text = a series entry has both a `value` and a `text`
    .help = `text` is what the source printed instead of a value: keep `value` and move the words to `remark`, or delete `value`
unknown-series-key = `{ $name }` is not a measure of this indicator
    .help = a series entry holds { $keys } and the measures declared under `measures:` ({ $measures })
series-entry-list = a series entry cannot be a list
    .help = write the value (`2021: 15,02%`), ND, or a mapping `{"{"} value: ..., num: ..., den: ... {"}"}`
foreign-digit = `{ $value }` has the digit `{ $digit }`, which is not one of 0-9
    .help = write the number with the digits 0-9 (a document pasted from another alphabet or a full-width font brings others)
value-in-another-unit = the value `{ $value }` is written in { $written } but the indicator's unit is { $unit }
    .help = change the indicator's `unit: { $written }`, or write the value as a measure if it is not the indicator's value
date-where-number-goes = `{ $value }` is a date, but the indicator's unit is { $unit }: its values are numbers
    .help = write the value as a number; if the indicator measures a completion date, write `unit: date` on it
value-with-words = `{ $value }` mixes a value with words
    .help = write `{"{"} value: "{ $number }", remark: "{ $remark }" {"}"}`

## Result sheets

about-cell = row { $row }, column { $column }
about-row = row { $row }
workbook-without-sheets = it has no sheet
workbook-too-many-rows = it has a value in row { $row }: a sheet holds at most { $max } rows
help-indicator-without-measures = `{ $id }` has no measures: write its value on its own row, with the measure cell empty
help-sheet-value = write the value as a number, or ND when it is not available (say why in `cause`)
help-reading-date = { -help-date }: the date of a monitoring reading; leave it empty for a final value
given-reading-date = a monitoring date
given-cause = a cause
given-action = a corrective action
what-value = the value
what-measure = the measure `{ $name }`
what-kind-of-value = the kind of value
what-reading-date = the date of the reading
what-cause = the cause
what-action = the corrective action
value-final = final
value-final-as-of-empty = final (as_of empty)
value-monitoring-at = a monitoring reading at { $date }
value-blank = a blank
sheet-format-not-read = cruscotto reads sheets as .xlsx or .csv only
    .help = save the sheet as Excel workbook (.xlsx) or as CSV (UTF-8), named after its year: { $folder }/2022.xlsx
not-a-sheet = this file is not a data-collection sheet and is not read
    .help = { $folder }/ holds the sheets of the results, one per year: 2022.xlsx or 2022.csv; move other files elsewhere
sheet-name-not-a-year = `{ $name }` is not a year: a sheet is named after the year of its results
    .help = rename it to the year, e.g. { $folder }/2022.{ $extension }
second-sheet-for-year = a second sheet for { $year }: { $first } is already read
    .help = keep one sheet per year: merge the two and delete the other
sheet-not-utf8 = this sheet is not UTF-8 text
    .help = save it again as CSV UTF-8 (in Excel: Save as > CSV UTF-8; in LibreOffice: character set Unicode UTF-8)
sheet-not-csv = this sheet cannot be read as CSV: { $detail }
    .help = check the quotes of the row named: a cell with a comma or a line break goes between double quotes
workbook-unreadable = cannot read this workbook: { $reason }
    .help = save it again from Excel or LibreOffice as Excel workbook (.xlsx)
cell-beyond-columns = a value beyond the columns of the sheet
    .help = delete it, or move it into the sheet's columns (objective_id ... cause, action)
cell-number-too-precise = the number { $number } has more digits than can be kept exactly (at most { $max })
    .help = write the value with fewer decimals, or format the cell as text and type it
cell-number-out-of-range = the number { $number } is out of range
    .help = write the value itself in the cell
cell-error = the cell shows the error { $error }
    .help = write the value itself in the cell, not a formula that fails
sheet-empty = this sheet is empty
    .help = write it with `cruscotto rilevazione --year YEAR --output FILE`, fill it in, and put it back here
sheet-column-twice = this column is there twice
    .help = keep one column of each name
unknown-sheet-column = `{ $name }` is not a column of the sheet
    .help = the header row names the columns { $columns }, and optionally { $optional }
sheet-column-missing = the sheet has no `{ $column }` column
    .help = the first row names the columns: { $columns }
sheet-row-without-indicator = the row has data but no indicator
    .help = write the id of the indicator the row is about, as in the sheet `cruscotto rilevazione` writes
sheet-unknown-indicator = there is no indicator `{ $id }`
    .help = write the id of an indicator of the content; `cruscotto rilevazione` writes the sheet with every id
sheet-wrong-objective = the indicator `{ $id }` belongs to the objective `{ $objective }`, not `{ $written }`
    .help = write `{ $objective }` or leave the cell empty
sheet-given-twice = given twice for `{ $id }` (also at { $first })
    .help = keep one row for each indicator and measure
sheet-unknown-measure = `{ $measure }` is not a measure of `{ $id }`
    .help = its measures are { $measures }
sheet-cause-on-measure = a `{ $column }` belongs to the indicator, not to one of its measures
    .help = move it to the row of `{ $id }` whose measure cell is empty
sheet-another-date = `{ $id }` has another date at { $other }
    .help = a year's reading has one date: write it once, on the indicator's row
sheet-date-where-number-goes = a date where a number goes
    .help = write the number (e.g. 65.991 or 65991); if the spreadsheet turned it into a date, format the cell as text
sheet-number-where-date-goes = a number where the completion date goes
    .help = { -help-date }
sheet-data-without-value = { $year }: the sheet gives { $what } for `{ $id }` but no value
    .help = fill in the value (or its measures) on the same indicator, or write ND if it is not available
sheet-differs-from-content = { $year }: the sheet gives { $sheet } for { $what } of `{ $id }`, the content { $content }
    .label = the content writes it at { $place }
    .help = a figure is written in one place: remove it from the content, or make the sheet say the same

## Consistency of the plan

write-value = write `{ $value }`
write-one-of = write one of: { $values }
help-declared-ambiti = use an ambito declared in cruscotto.yaml: { $ambiti }
delete-parent = delete the `parent` line
no-objectives = there are no objectives in content/
    .help = write one .md file per objective under content/ (see docs/content-format.md)
ambito-without-objectives = the ambito `{ $ambito }` has no objectives
    .help = write `ambito: { $ambito }` in the objectives that belong to it (`cruscotto new obiettivo "TITOLO" --ambito { $ambito }`), or delete the ambito
duplicate-ambito = the ambito id `{ $id }` is used twice
    .label = first written at { $first }
    .help = give each ambito its own id
duplicate-servizio = the Servizio id `{ $id }` is used twice
    .label = first written at { $first }
    .help = give each Servizio its own id
duplicate-objective = the objective id `{ $id }` is used twice
    .label = first written at { $first }
    .help = ids become page addresses: give each objective its own id
duplicate-indicator = the indicator id `{ $id }` is used twice
    .label = first written at { $first }
    .help = indicator ids must be unique in the whole site: make this one more specific
unknown-ambito = there is no ambito `{ $id }`
    .help = write the id of an ambito declared in cruscotto.yaml
unknown-objective = there is no objective `{ $id }`
    .help = write the id of an objective of the site
unknown-servizio = there is no Servizio `{ $id }`
    .help = write the id of a Servizio declared in cruscotto.yaml
unknown-indicator = there is no indicator `{ $id }`
    .help = write the id of an indicator of the site
objective-without-ambito = the objective `{ $id }` has no `ambito`
    .help = add `ambito: ...` with one of: { $ambiti }
top-level-with-parent = an objective of kind { $kind } sits under an ambito and has no `parent`
    .help = write the kind of objective it is (`kind:` { $deeper }), or delete the `parent` line
objective-without-parent = the objective `{ $id }` of kind { $kind } has no `parent`
    .help = add `parent: ...` with the id of the objective it serves (an objective of kind { $parents })
parent-of-wrong-kind = `{ $parent }` is of kind { $parent_kind }, which cannot be the parent of an objective of kind { $kind }
    .help = the parent of a `{ $kind_id }` objective is of kind { $parents } (see `objectives` in cruscotto.yaml): write the id of one of those, or change this objective's `kind`
ambito-differs-from-parent = the ambito `{ $ambito }` differs from the parent's `{ $parent_ambito }`
    .help = delete the `ambito` line: an objective under another takes its ambito
servizi-not-assigned = objectives of kind { $kind } are not assigned to Servizi
    .help = move `servizi` to the objectives under this one, or name who answers for it with `responsible:`
objective-without-servizi = the objective `{ $id }` of kind { $kind } has no Servizio
    .help = add `servizi: [...]` with ids from cruscotto.yaml ({ $servizi }), or `servizi: all`
target-year-far-from-period = the target year { $year } is far from the objective's period { $period } and the plan's { $plan_period }
    .help = check the year: targets from { $first } to { $last } are expected; a target for another year is kept and shown as written
base-year-not-before = the base year { $base } is not before the target's year { $year }
    .help = a change is measured on an earlier year: name a year before the target's (`rispetto al 2020`)
deadline-on-non-date = the target `{ $target }` does not fit the indicator's unit `{ $unit }`
    .help = a deadline needs `unit: date` on the indicator (its value is the completion date)
value-target-on-date = the target `{ $target }` does not fit the indicator's unit `date`
    .help = an indicator with `unit: date` takes deadlines: `entro il 31/12/2023`
target-in-another-unit = the target `{ $target }` is in { $written } but the indicator's unit is { $unit }
    .help = write `unit: { $written }` on the indicator, or write the target without the unit sign
measures-without-formula = the indicator `{ $id }` declares measures but has no formula
    .help = add `formula: ...` to compute the value from the measures
formula-on-date-indicator = a date indicator cannot have a formula
    .help = delete the formula: the value of a date indicator is the completion date in the series
formula-unknown-measure = the formula uses `{ $name }`, which is not a measure of this indicator
    .help = declare it under `measures:` (`{ $name }: {"{"} label: "...", source: "..." {"}"}`)
formula-refers-to-itself = the formula refers to its own indicator
    .help = use measures, or prev(x) for the previous year
counting-without-children = count_above() and count_assessed() look at the indicators of the operational objectives, and this objective has none
    .help = add `scope: [objective-id, ...]` with the objectives to look at
scope-without-counting = `scope` is only used by count_above() and count_assessed()
    .help = delete `scope`, or use the counting functions in the formula
measure-not-used = the measure `{ $name }` is not used by the formula
    .help = use it in `formula: { $formula }` or delete it
indicators-in-a-circle = these indicators depend on each other in a circle: { $circle }
    .help = break the circle: one of them must be computed from measures only
note-label-reused = the note label "{ $label }" is used by { $count } indicators
    .label = also used by { $others }
    .help = the source document reuses this label: check which note each indicator refers to (first reuse: `{ $second }`)
note-not-referenced = "{ $label }" is referenced by no indicator
    .help = the source document prints this note but no indicator points to it

## Evaluating the results

working-with = { $formula } with { $terms }
division-by-zero = in { $year } the formula of `{ $id }` divides by zero: `{ $divisor }` is 0
    .help = check the measures of that year: a denominator of 0 has no meaning; write ND if the figure is not available
formula-overflow = in { $year } the formula of `{ $id }` gives a number too large to compute exactly
    .help = check the measures of that year for a misplaced thousands separator
printed-value-disagrees = { $year }: the source prints { $printed } for `{ $id }`, but its measures give { $computed }
    .help = the printed value and its NUM/DEN disagree: check the source; the site shows and scores the printed value, with the computed one as a check (`scoring: {"{"} values: computed {"}"}` scores the computed one)
computed-value-disagrees = { $year }: the source prints { $printed } for `{ $id }`, but its measures give { $computed }
    .help = the printed value and its NUM/DEN disagree: check the source; with `values: computed` the site shows and scores the computed value, with the printed one beside it
shortfall-without-cause = { $year }: `{ $id }` fell short of its target and gives no cause
    .help = explain the shortfall: add `cause: "..."` (and `action:` for the corrective action) to the { $year } entry of its series, or fill the cause column of rilevazioni/{ $year }

## Theme and pages

labels-not-a-mapping = a translation file is a list of `key: "label"` lines
    .help = write one label per line, e.g. `nav_home: "Panoramica"`
label-not-text = a label must be a single line of text
    .help = write `key: "label"`
labels-missing = the theme's translation file has no label for: { $keys }
    .help = add the missing keys to the translation file
template-unreadable = a template of the theme cannot be read: { $detail }
    .help = fix the template named above (a site's own templates are under themes/<name>/templates/)
template-failed = the template `{ $template }` failed for { $page }: { $detail }
    .help = check the template against the data the page gives it
internal-error = an internal error of cruscotto: { $detail }
    .help = this is a bug of cruscotto's: please report it with the content that causes it

## Writing the site

doing-create-folder = cannot create the folder
doing-replace-folder = cannot replace the folder
doing-write-file = cannot write the file
doing-read-link = cannot read the symbolic link
doing-restore-previous = cannot restore the previous output
doing-move-leftover = cannot move a leftover folder
doing-remove-leftover = cannot remove a leftover folder
doing-move-site = cannot move the new site in place
doing-swap-site = cannot swap the new site in place
doing-move-previous = cannot move the previous output aside
bug-file-over-folder = a file of the site has the path of a folder of the site
bug-same-path = two files of the site have this path
bug-reserved-name = a page has the name of a file the build writes itself
bug-path-outside = a file of the site has a path outside the output folder
bug-no-name = a file of the site has no name
output-without-name = the output folder has no name
    .help = pass --output with a folder that has a name, e.g. --output site
output-not-ours = the output folder exists and was not written by cruscotto: it is left untouched
    .help = choose an empty or new folder with --output, or delete this one if it can go
folder-in-the-way = this folder is in the way of the build and was not written by cruscotto
    .help = move it elsewhere or delete it
output-link-loop = the output folder is a loop of symbolic links
    .help = point --output at a folder
write-failed = { $doing }: { $reason }
    .help = check that the folder is writable and the disk is not full

## Printing to PDF

doing-create-print-folder = cannot create a folder to print in
doing-write-print-file = cannot write a file to print
chromium-variable-not-a-file = { $variable } names `{ $path }`, which is not a file
    .help = set { $variable } to the Chromium program, or unset it to use the one on the PATH
chromium-missing = --pdf needs Chromium, which is not installed
    .help = install Chromium (on Debian and Ubuntu: `apt-get install chromium`), or set { $variable } to its path; without --pdf the site builds without the PDF
chromium-not-started = cannot start Chromium ({ $program }): { $reason }
    .help = check that it runs, or set { $variable } to another Chromium
chromium-timeout = Chromium did not finish printing the document in { $seconds } seconds
    .help = try again; if it happens again, build without --pdf
chromium-failed = Chromium could not print the document ({ $status }){ $detail }
    .help = check that Chromium runs on this machine, or build without --pdf
print-io-failed = { $doing }: { $reason }
    .help = check that the temporary folder is writable and the disk is not full
printed-pdf-unreadable = cannot read the PDF Chromium printed: { $detail }
    .help = check that Chromium runs on this machine, or build without --pdf
printed-pdf-without-outline = the PDF Chromium printed has no outline: { $detail }
    .help = a Chromium of version 120 or later is needed for --pdf

## New site, new files, schema

subject-the-kind = the kind of objective
subject-the-servizio = the Servizio
subject-the-ambito = the ambito
subject-an-objective = an objective
help-none-yet = there is not { $what } in this site yet: add one first (see docs/content-format.md)
bug-preset-missing = the preset `{ $preset }` is missing from this build of cruscotto
unknown-site-preset = `{ $preset }` is not a kind of body init can start a site for
    .help = write one of: { $presets }
init-folder-not-empty = the folder is not empty
    .help = name a new folder, or an empty one: init never overwrites files
init-not-a-folder = this is not a folder
    .help = name a new folder for the site
new-servizi-not-assigned = objectives of kind `{ $kind }` are not assigned to Servizi
    .help = leave out --servizi: the objectives under this one name their Servizi
new-top-level-with-parent = objectives of kind `{ $kind }` sit under an ambito, not under another objective
    .help = write --ambito <id> instead of --parent, or choose a kind of a lower level with --kind
new-parent-of-wrong-kind = `{ $parent }` is of kind `{ $parent_kind }`, which cannot hold an objective of kind `{ $kind }`
    .help = name an objective of kind { $parents } with --parent, or another kind with --kind
new-file-exists = a file with this name already exists
    .help = give the objective another title, or rename the existing file
new-unknown-id = { $what } `{ $value }` does not exist in this site
    .help = write one of: { $ids }
new-option-missing = { $option } is missing
    .help = add `{ $option } <id>` with one of: { $ids }
new-indicators-not-found = cannot find where the indicators of this objective are written
    .help = write the list as `indicators:` at the start of a line, then add the indicator by hand

## Preview

serve-overlay-title = The content has errors: this is the last good build
serve-serving = serving the site on { $address } (stop with Ctrl+C)
serve-rebuilt = rebuilt in { $ms } ms ({ $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
serve-failed = the content has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}: still serving the last good build ({ $ms } ms)
serve-port-unavailable = cannot serve on { $address }: { $detail }
    .help = another program may be using the port: choose another with --port
serve-no-site-folder = cannot open the site folder: { $reason }
    .help = pass --root with the folder that holds cruscotto.yaml
serve-cannot-watch = cannot watch the site folder: { $detail }
    .help = check that you may read the folder; on Linux, with many files, raise the limit fs.inotify.max_user_watches

## Command line

cli-check-failed = check failed: { $counts }
cli-build-failed = build failed, the output folder is untouched: { $counts }
cli-build-failed-untouched = build failed, the output folder is untouched
cli-build-failed-output = build failed, the previous output is untouched
cli-built = wrote { $files ->
    [one] { $files } file
   *[other] { $files } files
} to { $folder } ({ $written } new or changed, { $kept } unchanged and kept{ $editions }; { $counts })
cli-sheet-not-written = no sheet written: { $counts }
cli-sheet-written = wrote the { $year } sheet to { $file } ({ $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}): fill in value, as_of (empty for a final value) and cause, then put it in { $folder }/{ $year }.{ $extension }
cli-init-done = created a new site ({ $preset }) in { $folder }: try `cruscotto check --root { $folder }`, then `cruscotto serve --root { $folder }`
cli-new-objective = created { $file }: edit it, then run `cruscotto check`
cli-new-indicator = added the indicator `{ $id }` to { $file }: edit it, then run `cruscotto check`
cli-wrote = wrote { $file }
about-option = { $option }
unknown-message-language = `{ $language }` is not a language of the messages
    .help = write --lang with one of: { $languages }
sheet-year-outside-plan = no objective covers { $year }: the plan runs { $period }
    .help = write --year with a year of the plan
sheet-file-exists = the file already exists and may hold results
    .help = move it away, or pass another --output

## The summary of check

summary-title = { $ente } - { $edition } (reference year { $year })
summary-counts = { $ambiti } ambiti, { $objectives } objectives ({ $kinds }), { $indicators } indicators, { $targets } yearly targets
summary-achievement = Achievement (grado di raggiungimento)
summary-plan = Plan (mean of the ambiti)
summary-year = { $year }: { $targets } targets: { $met } raggiunti, { $partly } parzialmente raggiunti, { $missed } non raggiunti, { $unassessed } non valutabili
summary-not-assessable = not assessable: { $reasons }
summary-rests-on = the plan's achievement rests on { $assessed } of { $targets } targets in { $ambiti_assessed } of { $ambiti } ambiti; { $monitoring } monitoring values

## The progress bar

progress-files = files
progress-checking = checking the content
progress-pages = pages and data
progress-printing = printing the PDFs
progress-editions = earlier editions
progress-finishing = putting the site in place

## Editions of the plan

help-config-unchanged = the current edition is archived in { $folder }; { $config } is unchanged: move its reference year and period on by hand
bug-next-config = the next edition's { $config } could not be written (nothing was changed)
doing-copy-file = cannot copy the file
summary-earlier-editions = Earlier editions: { $editions }
summary-changes-since = Changes since { $folder }: { $changes }, of which { $targets } targets changed ({ $undeclared } without a declared revision)
cli-built-editions = { $total ->
    [0] {""}
    [one] { $reused ->
        [one] , 1 earlier edition unchanged and reused
       *[other] , 1 earlier edition rendered
    }
   *[other] , { $total } earlier editions: { $rendered } rendered, { $reused } unchanged and reused
}
cli-edition-archived = archived the current edition in { $folder } ({ $files } files): the next build publishes it there
cli-edition-started = { $config } now describes the edition { $id }: reference year { $year }, period { $period }, label { $edition }
still-last-updated = plan.last_updated
still-edition = plan.edition (it does not name the period)
still-approval = { $removed ->
    [yes] plan.approval, once the new edition is adopted
   *[no] plan.approval, once the new edition is adopted (optional)
}
still-objectives = the objectives, indicators and targets of the new plan (a revised target: `target:` the previous edition's, `revised:` the new one, `reason:`)
cli-edition-still-to-write = still to write: { $items }
cli-edition-check-lists = `cruscotto check` lists { $counts } now, each with its file and line (among them, the targets that changed without a declared revision)
cli-edition-content-behind = the content still speaks of { $previous } where the new edition needs { $year }: `cruscotto check` lists { $counts }, each with its file and line
cli-edition-refused = nothing was changed: the current edition has { $counts }; an edition is archived as it was published, so fix them first
revision-not-declared = { $year }: the target of `{ $indicator }` was `{ $before }` in the previous edition ({ $previous }) and is now `{ $after }`, with no declared revision
    .label = changed since the previous edition
    .help = declare the revision, so that the pages show both targets: `{ $year }: {"{"} target: "{ $before }", revised: "{ $after }", reason: "..." {"}"}`
revision-original-differs = { $year }: the revision of `{ $indicator }` starts from `{ $declared }`, but the previous edition ({ $previous }) set `{ $before }`
    .label = not the previous edition's target
    .help = write the previous edition's target as the original: `target: "{ $before }"`, or check the previous edition
earlier-edition-more-recent = the earlier edition { $folder } is more recent than the current one (reference year { $year }, this one { $current_year })
    .help = the current edition is the one at the root of the site: check plan.reference_year here and in the earlier edition's cruscotto.yaml
editions-not-a-folder = { $folder } is not a folder
    .help = { $folder }/ holds the earlier editions of the site, one folder each: move this file away
edition-is-a-link = an earlier edition is a symbolic link
    .help = an earlier edition is kept in the site as it was published: copy its folder into { $folder }/ instead of linking it
edition-not-a-folder = { $file } is not read: an earlier edition is a folder
    .help = { $folder }/ holds one folder per earlier edition: move this file out of it
invalid-edition-folder = `{ $name }` cannot be the id of an edition: it becomes the address { $folder }/{ $name }/
    .help = rename the folder with lowercase letters, digits and dashes, e.g. `{ $example }`
edition-without-config = the earlier edition { $folder } has no { $config }
    .help = an earlier edition is a complete site: its { $config } and content/ as they were published (`cruscotto edizione nuova` archives the current one)
edition-id-taken = the current edition and the earlier one in { $folder } have the same id `{ $id }`
    .help = give the current edition its own id: `edition_id: ...` under `plan:` in { $config } (without it, the id is the reference year)
edition-page-without-banner = the page { $page } of this earlier edition does not say which edition it is
    .help = this edition's own theme replaces templates/base.html without the banner: add {"{"}% include "partials/edition-banner.html" %{"}"} right after <header ...> in it, or remove it to use the built-in one
edition-unreadable = cannot read the earlier edition: { $reason }
    .help = check that its files may be read
invalid-edition-id = `{ $id }` cannot be the id of an edition
    .help = the id becomes the address { $folder }/<id>/ once the edition is archived: use lowercase letters, digits and dashes, e.g. `--id { $example }`
edition-id-exists = an earlier edition already has the id `{ $id }`
    .help = name the new edition with an id no earlier edition has
edition-id-is-current = `{ $id }` is the id of the current edition
    .help = name the new edition with an id of its own, e.g. its reference year
current-edition-archived-already = the current edition's id is `{ $id }`, and { $folder } already exists
    .help = nothing was changed: give the current edition its own id with `edition_id: ...` under `plan:` in { $config }, then run the command again
plan-not-in-block-form = { $config } does not write `plan:` as one key per line
    .help = write `plan:` with one key per line under it (see docs/content-format.md), then run the command again
