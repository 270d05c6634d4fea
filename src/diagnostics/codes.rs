//! Every code of the catalogue, with its severity and the names of the
//! values it takes: one function each, so that a call site says which
//! problem and with which values (`problem::unknown_key(name, what, keys)`)
//! and the compiler checks them. The sentences are in `messages/*.ftl`.

use super::{Arg, Diagnostic, Message, Severity};

/// A code of the catalogue: a problem cruscotto reports.
#[derive(Debug)]
pub struct Code {
    pub id: &'static str,
    pub severity: Severity,
    /// The names of its placeholders.
    pub params: &'static [&'static str],
    /// The function of [`problem`] that makes it.
    pub function: &'static str,
}

/// The codes of one stage of the pipeline, for the reference.
#[derive(Debug)]
pub struct Stage {
    pub id: &'static str,
    pub it: &'static str,
    pub en: &'static str,
    pub codes: &'static [Code],
}

/// A message of the catalogue that is not a problem: a part of one (a
/// subject, a reason, a hint) or a line of the command line.
#[derive(Debug)]
pub struct TextEntry {
    pub id: &'static str,
    pub params: &'static [&'static str],
    pub function: &'static str,
}

macro_rules! catalogue {
    (
        $(
            stage $stage:ident $it:literal $en:literal {
                $( $fn:ident $code:literal $sev:ident ( $($arg:ident),* ) ; )*
            }
        )*
        texts {
            $( $tfn:ident $tid:literal ( $($targ:ident),* ) ; )*
        }
    ) => {
        /// Every problem cruscotto reports, one function per code.
        pub mod problem {
            #[allow(unused_imports)]
            use super::{Arg, Diagnostic, Message, Severity};
            $($(
                #[doc = concat!("`", $code, "`")]
                pub fn $fn($($arg: impl Into<Arg>),*) -> Diagnostic {
                    Diagnostic::new(
                        Severity::$sev,
                        Message::new($code, vec![$((stringify!($arg), $arg.into())),*]),
                    )
                }
            )*)*
        }

        /// The catalogue's other messages: parts of problems and the command
        /// line's own lines.
        pub mod text {
            #[allow(unused_imports)]
            use super::{Arg, Message};
            $(
                #[doc = concat!("`", $tid, "`")]
                pub fn $tfn($($targ: impl Into<Arg>),*) -> Message {
                    Message::new($tid, vec![$((stringify!($targ), $targ.into())),*])
                }
            )*
        }

        /// Every code, by stage of the pipeline.
        pub const STAGES: &[Stage] = &[$(
            Stage {
                id: stringify!($stage),
                it: $it,
                en: $en,
                codes: &[$(
                    Code {
                        id: $code,
                        severity: Severity::$sev,
                        params: &[$(stringify!($arg)),*],
                        function: stringify!($fn),
                    },
                )*],
            },
        )*];

        /// Every message that is not a problem.
        pub const TEXTS: &[TextEntry] = &[$(
            TextEntry {
                id: $tid,
                params: &[$(stringify!($targ)),*],
                function: stringify!($tfn),
            },
        )*];
    };
}

catalogue! {
    stage files "File e cartelle" "Files and folders" {
        file_unreadable "file-unreadable" Error (reason);
        file_too_large "file-too-large" Error (size, max);
        file_not_utf8 "file-not-utf8" Error (byte);
        folder_unreadable "folder-unreadable" Error (folder, reason);
        folder_link_inside "folder-link-inside" Warning (folder, target);
        folder_link_outside "folder-link-outside" Error (folder, target);
        file_link_inside "file-link-inside" Warning (link, target);
        file_link_outside "file-link-outside" Error (link, target);
        link_broken "link-broken" Error (link, target);
        link_to_folder "link-to-folder" Error (link, target);
        folder_named_md "folder-named-md" Error (folder);
        not_an_objective_file "not-an-objective-file" Warning (file);
    }

    stage yaml "Scrittura dei file YAML" "Writing YAML" {
        yaml_syntax "yaml-syntax" Error (detail);
        yaml_too_deep "yaml-too-deep" Error (max);
        yaml_alias "yaml-alias" Error ();
        duplicate_key "duplicate-key" Error (key, line);
        not_a_mapping "not-a-mapping" Error (what, found);
        missing_key "missing-key" Error (what, key);
        unknown_key "unknown-key" Error (key, what, keys);
    }

    stage config "Il file cruscotto.yaml" "The config file cruscotto.yaml" {
        no_config "no-config" Error (config, content);
        no_content_folder "no-content-folder" Error (content);
        no_ipa_code "no-ipa-code" Warning ();
        invalid_ipa_code "invalid-ipa-code" Error (code);
        relazione_year_outside_period "relazione-year-outside-period" Error (year, period, first, last);
        reference_year_outside_period "reference-year-outside-period" Error (year, period, first, last);
        unknown_language "unknown-language" Error (language);
        base_url_not_absolute "base-url-not-absolute" Error (url);
        theme_not_a_name "theme-not-a-name" Error (name);
        theme_missing "theme-missing" Error (name, config);
        unknown_data_licence "unknown-data-licence" Error (licence, licences);
        percentage_not_positive "percentage-not-positive" Error (key, example);
        unknown_scoring_rule "unknown-scoring-rule" Error (rule, key);
        unknown_value_choice "unknown-value-choice" Error (choice);
        unknown_rollup_rule "unknown-rollup-rule" Error (rule);
        rollup_weight_not_positive "rollup-weight-not-positive" Error (key);
    }

    stage tree "Tipi e livelli di obiettivi" "Kinds and levels of objectives" {
        unknown_preset "unknown-preset" Error (preset, presets);
        preset_and_kinds "preset-and-kinds" Error ();
        no_preset_nor_kinds "no-preset-nor-kinds" Error ();
        no_kinds "no-kinds" Error ();
        duplicate_kind "duplicate-kind" Error (kind);
        no_top_level_kind "no-top-level-kind" Error ();
        top_level_kind_with_parents "top-level-kind-with-parents" Error (kind);
        unknown_parent_kind "unknown-parent-kind" Error (kind, parent, kinds);
        parent_kind_not_above "parent-kind-not-above" Error (kind, level, parent, parent_level);
        kind_without_level_above "kind-without-level-above" Error (kind, level, above);
        invalid_level "invalid-level" Error (level, max);
        unknown_servizi_rule "unknown-servizi-rule" Error (rule);
    }

    stage objective "Obiettivi e indicatori" "Objectives and indicators" {
        no_front_matter "no-front-matter" Error ();
        objective_without_period "objective-without-period" Error ();
        objective_without_indicators "objective-without-indicators" Error ();
        indicators_empty "indicators-empty" Warning ();
        narrative_too_deep "narrative-too-deep" Error (max);
        link_not_allowed "link-not-allowed" Error (link, reason);
        image_on_other_host "image-on-other-host" Error (image);
        unknown_kind "unknown-kind" Error (kind, kinds, config);
        responsible_without_name "responsible-without-name" Error ();
        weight_not_positive "weight-not-positive" Error ();
        invalid_decimals "invalid-decimals" Error (max);
        target_and_targets "target-and-targets" Error ();
        unknown_unit "unknown-unit" Error (unit, units);
        invalid_measure_name "invalid-measure-name" Error (name);
        value_and_text "value-and-text" Error ();
        unknown_series_key "unknown-series-key" Error (name, keys, measures);
        series_entry_list "series-entry-list" Error ();
        foreign_digit "foreign-digit" Error (value, digit);
        value_in_another_unit "value-in-another-unit" Error (value, written, unit);
        date_where_number_goes "date-where-number-goes" Error (value, unit);
        value_with_words "value-with-words" Error (value, number, remark);
    }

    stage values "Valori, numeri e date" "Values, numbers and dates" {
        too_long "too-long" Error (value, length, max, what);
        not_a_number "not-a-number" Error (value);
        number_two_decimal_separators "number-two-decimal-separators" Error (value);
        number_dot_and_comma "number-dot-and-comma" Error (value);
        number_misplaced_dots "number-misplaced-dots" Error (value);
        number_too_large "number-too-large" Error (value);
        number_too_many_digits "number-too-many-digits" Error (value, max);
        number_followed_by_text "number-followed-by-text" Error (value, rest);
        not_a_date "not-a-date" Error (value);
        date_without_year "date-without-year" Error (value);
        not_a_single_value "not-a-single-value" Error (key, found);
        not_a_list "not-a-list" Error (key, found);
        empty_value "empty-value" Error (key);
        address_not_allowed "address-not-allowed" Error (key, reason);
        not_a_flag "not-a-flag" Error (key, value);
        not_a_year "not-a-year" Error (value);
        not_a_period "not-a-period" Error (value);
        period_reversed "period-reversed" Error (period);
        invalid_id "invalid-id" Error (value, example);
    }

    stage targets "Target" "Targets" {
        target_empty "target-empty" Error ();
        target_deadline_without_date "target-deadline-without-date" Error (target);
        target_without_comparator "target-without-comparator" Error (target, example);
        target_unreadable "target-unreadable" Error (target);
        target_change_without_base_year "target-change-without-base-year" Error (text);
        target_baseline_without_year "target-baseline-without-year" Error (target);
        target_no_number_after_sign "target-no-number-after-sign" Error (target);
        change_without_change_target "change-without-change-target" Error ();
        reason_without_revision "reason-without-revision" Warning ();
        unknown_change "unknown-change" Error (change);
        points_on_non_percentage "points-on-non-percentage" Error (target);
        change_points_on_non_percentage "change-points-on-non-percentage" Error ();
        ambiguous_percent_change "ambiguous-percent-change" Error (target, number, points, text);
    }

    stage formula "Formule" "Formulas" {
        formula_unexpected_after_end "formula-unexpected-after-end" Error (found);
        formula_character "formula-character" Error (character);
        formula_expected "formula-expected" Error (wanted, context, found);
        formula_ends_early "formula-ends-early" Error (wanted, context);
        formula_too_deep "formula-too-deep" Error (max);
        formula_function_without_brackets "formula-function-without-brackets" Error (name);
        formula_expected_operand "formula-expected-operand" Error (found);
        formula_ends_without_operand "formula-ends-without-operand" Error ();
        formula_mean_prev_too_many_years "formula-mean-prev-too-many-years" Error (max, years);
        formula_mean_prev_years "formula-mean-prev-years" Error ();
        formula_count_above_threshold "formula-count-above-threshold" Error ();
        formula_unknown_function "formula-unknown-function" Error (name, functions);
        formula_function_needs_name "formula-function-needs-name" Error (function);
    }

    stage sheet "Rilevazioni dei risultati" "Result sheets" {
        sheet_format_not_read "sheet-format-not-read" Error (folder);
        not_a_sheet "not-a-sheet" Warning (folder);
        sheet_name_not_a_year "sheet-name-not-a-year" Error (name, folder, extension);
        second_sheet_for_year "second-sheet-for-year" Error (year, first);
        sheet_not_utf8 "sheet-not-utf8" Error ();
        sheet_not_csv "sheet-not-csv" Error (detail);
        workbook_unreadable "workbook-unreadable" Error (reason);
        cell_beyond_columns "cell-beyond-columns" Error ();
        cell_number_too_precise "cell-number-too-precise" Error (number, max);
        cell_number_out_of_range "cell-number-out-of-range" Error (number);
        cell_error "cell-error" Error (error);
        sheet_empty "sheet-empty" Error ();
        sheet_column_twice "sheet-column-twice" Error ();
        unknown_sheet_column "unknown-sheet-column" Error (name, columns, optional);
        sheet_column_missing "sheet-column-missing" Error (column, columns);
        sheet_row_without_indicator "sheet-row-without-indicator" Error ();
        sheet_unknown_indicator "sheet-unknown-indicator" Error (id);
        sheet_wrong_objective "sheet-wrong-objective" Error (id, objective, written);
        sheet_given_twice "sheet-given-twice" Error (id, first);
        sheet_unknown_measure "sheet-unknown-measure" Error (measure, id, measures);
        sheet_cause_on_measure "sheet-cause-on-measure" Error (column, id);
        sheet_another_date "sheet-another-date" Error (id, other);
        sheet_date_where_number_goes "sheet-date-where-number-goes" Error ();
        sheet_number_where_date_goes "sheet-number-where-date-goes" Error ();
        sheet_data_without_value "sheet-data-without-value" Error (year, what, id);
        sheet_differs_from_content "sheet-differs-from-content" Error (year, sheet, what, id, content, place);
    }

    stage validate "Coerenza del piano" "Consistency of the plan" {
        no_objectives "no-objectives" Error ();
        ambito_without_objectives "ambito-without-objectives" Warning (ambito);
        duplicate_ambito "duplicate-ambito" Error (id, first);
        duplicate_servizio "duplicate-servizio" Error (id, first);
        duplicate_objective "duplicate-objective" Error (id, first);
        duplicate_indicator "duplicate-indicator" Error (id, first);
        unknown_ambito "unknown-ambito" Error (id);
        unknown_objective "unknown-objective" Error (id);
        unknown_servizio "unknown-servizio" Error (id);
        unknown_indicator "unknown-indicator" Error (id);
        objective_without_ambito "objective-without-ambito" Error (id, ambiti);
        top_level_with_parent "top-level-with-parent" Error (kind, deeper);
        objective_without_parent "objective-without-parent" Error (id, kind, parents);
        parent_of_wrong_kind "parent-of-wrong-kind" Error (parent, parent_kind, kind, kind_id, parents);
        ambito_differs_from_parent "ambito-differs-from-parent" Error (ambito, parent_ambito);
        servizi_not_assigned "servizi-not-assigned" Error (kind);
        objective_without_servizi "objective-without-servizi" Error (id, kind, servizi);
        target_year_far_from_period "target-year-far-from-period" Warning (year, period, plan_period, first, last);
        base_year_not_before "base-year-not-before" Error (base, year);
        deadline_on_non_date "deadline-on-non-date" Error (target, unit);
        value_target_on_date "value-target-on-date" Error (target);
        target_in_another_unit "target-in-another-unit" Error (target, written, unit);
        measures_without_formula "measures-without-formula" Warning (id);
        formula_on_date_indicator "formula-on-date-indicator" Error ();
        formula_unknown_measure "formula-unknown-measure" Error (name);
        formula_refers_to_itself "formula-refers-to-itself" Error ();
        counting_without_children "counting-without-children" Error ();
        scope_without_counting "scope-without-counting" Warning ();
        measure_not_used "measure-not-used" Warning (name, formula);
        indicators_in_a_circle "indicators-in-a-circle" Error (circle);
        note_label_reused "note-label-reused" Warning (label, count, others, second);
        note_not_referenced "note-not-referenced" Warning (label);
    }

    stage engine "Calcolo dei risultati" "Evaluating the results" {
        division_by_zero "division-by-zero" Error (year, id, divisor);
        formula_overflow "formula-overflow" Error (year, id);
        printed_value_disagrees "printed-value-disagrees" Warning (year, printed, id, computed);
        computed_value_disagrees "computed-value-disagrees" Warning (year, printed, id, computed);
        shortfall_without_cause "shortfall-without-cause" Warning (year, id);
    }

    stage theme "Tema e pagine" "Theme and pages" {
        labels_not_a_mapping "labels-not-a-mapping" Error ();
        label_not_text "label-not-text" Error ();
        labels_missing "labels-missing" Error (keys);
        template_unreadable "template-unreadable" Error (detail);
        template_failed "template-failed" Error (template, page, detail);
        internal_error "internal-error" Error (detail);
    }

    stage write "Scrittura del sito" "Writing the site" {
        output_without_name "output-without-name" Error ();
        output_not_ours "output-not-ours" Error ();
        folder_in_the_way "folder-in-the-way" Error ();
        output_link_loop "output-link-loop" Error ();
        write_failed "write-failed" Error (doing, reason);
    }

    stage print "Stampa in PDF" "Printing to PDF" {
        chromium_variable_not_a_file "chromium-variable-not-a-file" Error (variable, path);
        chromium_missing "chromium-missing" Error (variable);
        chromium_not_started "chromium-not-started" Error (program, reason, variable);
        chromium_timeout "chromium-timeout" Error (seconds);
        chromium_failed "chromium-failed" Error (status, detail);
        print_io_failed "print-io-failed" Error (doing, reason);
        printed_pdf_unreadable "printed-pdf-unreadable" Error (detail);
        printed_pdf_without_outline "printed-pdf-without-outline" Error (detail);
    }

    stage authoring "Nuovo sito, nuovi file, schema" "New site, new files, schema" {
        init_folder_not_empty "init-folder-not-empty" Error ();
        init_not_a_folder "init-not-a-folder" Error ();
        new_servizi_not_assigned "new-servizi-not-assigned" Error (kind);
        new_top_level_with_parent "new-top-level-with-parent" Error (kind);
        new_parent_of_wrong_kind "new-parent-of-wrong-kind" Error (parent, parent_kind, kind, parents);
        new_file_exists "new-file-exists" Error ();
        new_unknown_id "new-unknown-id" Error (what, value, ids);
        new_option_missing "new-option-missing" Error (option, ids);
        new_indicators_not_found "new-indicators-not-found" Error ();
        unknown_site_preset "unknown-site-preset" Error (preset, presets);
    }

    stage editions "Edizioni del piano" "Editions of the plan" {
        revision_not_declared "revision-not-declared" Warning (year, indicator, before, previous, after);
        revision_original_differs "revision-original-differs" Warning (year, indicator, declared, previous, before);
        earlier_edition_more_recent "earlier-edition-more-recent" Warning (folder, year, current_year);
        editions_not_a_folder "editions-not-a-folder" Error (folder);
        edition_is_a_link "edition-is-a-link" Error (folder);
        edition_not_a_folder "edition-not-a-folder" Warning (file, folder);
        invalid_edition_folder "invalid-edition-folder" Error (name, folder, example);
        edition_without_config "edition-without-config" Error (folder, config);
        edition_id_taken "edition-id-taken" Error (folder, id, config);
        edition_page_without_banner "edition-page-without-banner" Error (page);
        edition_unreadable "edition-unreadable" Error (reason);
        invalid_edition_id "invalid-edition-id" Error (id, folder, example);
        edition_id_exists "edition-id-exists" Error (id);
        edition_id_is_current "edition-id-is-current" Error (id);
        current_edition_archived_already "current-edition-archived-already" Error (id, folder, config);
        plan_not_in_block_form "plan-not-in-block-form" Error (config);
    }

    stage serve "Anteprima" "Preview" {
        serve_port_unavailable "serve-port-unavailable" Error (address, detail);
        serve_no_site_folder "serve-no-site-folder" Error (reason);
        serve_cannot_watch "serve-cannot-watch" Error (detail);
    }

    stage cli "Riga di comando" "Command line" {
        unknown_message_language "unknown-message-language" Error (language, languages);
        sheet_year_outside_plan "sheet-year-outside-plan" Error (year, period);
        sheet_file_exists "sheet-file-exists" Error ();
    }

    texts {
        severity_error "severity-error" ();
        severity_warning "severity-warning" ();
        help_prefix "help-prefix" ();
        did_you_mean "did-you-mean" (word);
        found_single_value "found-single-value" ();
        found_empty_value "found-empty-value" ();
        found_list "found-list" ();
        found_mapping "found-mapping" ();
        write_key "write-key" (key);
        subject_number "subject-number" ();
        subject_date "subject-date" ();
        subject_target "subject-target" ();
        subject_formula "subject-formula" ();
        formula_token_number "formula-token-number" (number);
        formula_token_name "formula-token-name" (name);
        formula_token_symbol "formula-token-symbol" (symbol);
        formula_to_close_bracket "formula-to-close-bracket" ();
        formula_to_close_call "formula-to-close-call" (function);
        formula_between_arguments "formula-between-arguments" (function);
        url_control_characters "url-control-characters" ();
        url_scheme_not_allowed "url-scheme-not-allowed" (scheme, schemes);
        subject_key "subject-key" (key);
        io_not_found "io-not-found" ();
        io_permission_denied "io-permission-denied" ();
        io_already_exists "io-already-exists" ();
        io_is_a_folder "io-is-a-folder" ();
        io_not_a_folder "io-not-a-folder" ();
        io_disk_full "io-disk-full" ();
        io_other "io-other" (detail);
        subject_config "subject-config" ();
        subject_section "subject-section" (name);
        subject_ambito "subject-ambito" ();
        subject_servizio "subject-servizio" ();
        subject_kind "subject-kind" ();
        subject_objective "subject-objective" ();
        subject_responsible "subject-responsible" ();
        subject_indicator "subject-indicator" ();
        subject_measure "subject-measure" ();
        subject_note "subject-note" ();
        about_formula "about-formula" (formula);
        subject_the_target "subject-the-target" ();
        about_target "about-target" ();
        subject_series_entry "subject-series-entry" ();
        help_free_text "help-free-text" ();
        no_measures_declared "no-measures-declared" ();
        about_measure "about-measure" (name);
        about_completion_date "about-completion-date" ();
        help_completion_date "help-completion-date" ();
        about_cell "about-cell" (row, column);
        about_row "about-row" (row);
        workbook_without_sheets "workbook-without-sheets" ();
        workbook_too_many_rows "workbook-too-many-rows" (row, max);
        help_indicator_without_measures "help-indicator-without-measures" (id);
        help_sheet_value "help-sheet-value" ();
        help_reading_date "help-reading-date" ();
        given_reading_date "given-reading-date" ();
        given_cause "given-cause" ();
        given_action "given-action" ();
        what_value "what-value" ();
        what_measure "what-measure" (name);
        what_kind_of_value "what-kind-of-value" ();
        what_reading_date "what-reading-date" ();
        what_cause "what-cause" ();
        what_action "what-action" ();
        value_final "value-final" ();
        value_final_as_of_empty "value-final-as-of-empty" ();
        value_monitoring_at "value-monitoring-at" (date);
        value_blank "value-blank" ();
        write_value "write-value" (value);
        write_one_of "write-one-of" (values);
        help_declared_ambiti "help-declared-ambiti" (ambiti);
        delete_parent "delete-parent" ();
        working_with "working-with" (formula, terms);
        doing_create_folder "doing-create-folder" ();
        doing_replace_folder "doing-replace-folder" ();
        doing_write_file "doing-write-file" ();
        doing_read_link "doing-read-link" ();
        doing_restore_previous "doing-restore-previous" ();
        doing_move_leftover "doing-move-leftover" ();
        doing_remove_leftover "doing-remove-leftover" ();
        doing_move_site "doing-move-site" ();
        doing_swap_site "doing-swap-site" ();
        doing_move_previous "doing-move-previous" ();
        bug_file_over_folder "bug-file-over-folder" ();
        bug_same_path "bug-same-path" ();
        bug_reserved_name "bug-reserved-name" ();
        bug_path_outside "bug-path-outside" ();
        bug_no_name "bug-no-name" ();
        doing_create_print_folder "doing-create-print-folder" ();
        doing_write_print_file "doing-write-print-file" ();
        subject_the_kind "subject-the-kind" ();
        subject_the_servizio "subject-the-servizio" ();
        subject_the_ambito "subject-the-ambito" ();
        subject_an_objective "subject-an-objective" ();
        help_none_yet "help-none-yet" (what);
        bug_preset_missing "bug-preset-missing" (preset);
        serve_overlay_title "serve-overlay-title" ();
        serve_serving "serve-serving" (address);
        serve_rebuilt "serve-rebuilt" (ms, warnings);
        serve_failed "serve-failed" (errors, ms);
        cli_in "cli-in" (message, time);
        cli_time_ms "cli-time-ms" (ms);
        cli_time_s "cli-time-s" (seconds, tenths);
        cli_counts "cli-counts" (errors, warnings);
        cli_check_failed "cli-check-failed" (counts);
        cli_build_failed "cli-build-failed" (counts);
        cli_build_failed_untouched "cli-build-failed-untouched" ();
        cli_build_failed_output "cli-build-failed-output" ();
        cli_built "cli-built" (files, folder, written, kept, editions, counts);
        cli_sheet_not_written "cli-sheet-not-written" (counts);
        cli_sheet_written "cli-sheet-written" (year, file, rows, folder, extension);
        cli_init_done "cli-init-done" (preset, folder);
        cli_new_objective "cli-new-objective" (file);
        cli_new_indicator "cli-new-indicator" (id, file);
        cli_wrote "cli-wrote" (file);
        about_option "about-option" (option);
        summary_title "summary-title" (ente, edition, year);
        summary_counts "summary-counts" (ambiti, objectives, kinds, indicators, targets);
        summary_achievement "summary-achievement" ();
        summary_plan "summary-plan" ();
        summary_year "summary-year" (year, targets, met, partly, missed, unassessed);
        summary_not_assessable "summary-not-assessable" (reasons);
        summary_rests_on "summary-rests-on" (assessed, targets, ambiti_assessed, ambiti, monitoring);
        help_target "help-target" ();
        progress_files "progress-files" ();
        progress_checking "progress-checking" ();
        progress_pages "progress-pages" ();
        progress_printing "progress-printing" ();
        progress_finishing "progress-finishing" ();
        help_config_unchanged "help-config-unchanged" (folder, config);
        bug_next_config "bug-next-config" (config);
        doing_copy_file "doing-copy-file" ();
        summary_earlier_editions "summary-earlier-editions" (editions);
        summary_changes_since "summary-changes-since" (folder, changes, targets, undeclared);
        cli_built_editions "cli-built-editions" (total, rendered, reused);
        cli_edition_archived "cli-edition-archived" (folder, files);
        cli_edition_started "cli-edition-started" (config, id, year, period, edition);
        still_last_updated "still-last-updated" ();
        still_edition "still-edition" ();
        still_approval "still-approval" (removed);
        still_objectives "still-objectives" ();
        cli_edition_still_to_write "cli-edition-still-to-write" (items);
        cli_edition_check_lists "cli-edition-check-lists" (counts);
        cli_edition_content_behind "cli-edition-content-behind" (previous, year, counts);
        cli_edition_refused "cli-edition-refused" (counts);
        progress_editions "progress-editions" ();
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use super::super::Lang;
    use super::super::catalogue::resource;
    use super::super::reference::{entries, placeholders};
    use super::*;

    /// Every id of the registry, with its parameters and its function, and
    /// whether it is a problem.
    fn registry() -> Vec<(&'static str, &'static [&'static str], &'static str, bool)> {
        let mut all = Vec::new();
        for stage in STAGES {
            for code in stage.codes {
                all.push((code.id, code.params, code.function, true));
            }
        }
        for text in TEXTS {
            all.push((text.id, text.params, text.function, false));
        }
        all
    }

    #[test]
    fn both_catalogues_parse_and_hold_the_same_messages_with_the_same_values() {
        let mut by_lang = BTreeMap::new();
        for lang in Lang::ALL {
            let resource = resource(lang).unwrap_or_else(|e| panic!("{e}"));
            by_lang.insert(lang, resource);
        }
        let registry = registry();
        let mut ids = BTreeSet::new();
        for (id, params, function, _) in &registry {
            assert!(ids.insert(*id), "`{id}` is in the registry twice");
            assert_eq!(*function, id.replace('-', "_"), "function of `{id}`");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "`{id}` is not kebab-case"
            );
            let _ = params;
        }
        for (lang, resource) in &by_lang {
            let found: BTreeSet<&str> = entries(resource).keys().copied().collect();
            let missing: Vec<_> = ids.difference(&found).collect();
            let unknown: Vec<_> = found.difference(&ids).collect();
            assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
            assert!(
                unknown.is_empty(),
                "{}.ftl has messages no code uses: {unknown:?}",
                lang.code()
            );
        }
        let it = &by_lang[&Lang::It];
        let en = &by_lang[&Lang::En];
        let (it_entries, en_entries) = (entries(it), entries(en));
        for (id, params, _, is_problem) in &registry {
            let (a, b) = (&it_entries[id], &en_entries[id]);
            assert!(
                a.value.is_some() && b.value.is_some(),
                "`{id}` has no sentence"
            );
            let a_attrs: BTreeSet<_> = a.attributes.keys().collect();
            let b_attrs: BTreeSet<_> = b.attributes.keys().collect();
            assert_eq!(a_attrs, b_attrs, "attributes of `{id}`");
            if *is_problem {
                assert!(
                    a.attributes.contains_key("help"),
                    "`{id}` does not say what to write (.help)"
                );
            }
            let mut used = BTreeSet::new();
            let patterns = std::iter::once((None, a.value, b.value)).chain(
                a.attributes
                    .iter()
                    .map(|(name, p)| (Some(*name), Some(*p), b.attributes.get(name).copied())),
            );
            for (attribute, pa, pb) in patterns {
                let (Some(pa), Some(pb)) = (pa, pb) else {
                    continue;
                };
                let (va, vb) = (placeholders(it, pa), placeholders(en, pb));
                assert_eq!(va, vb, "values of `{id}` {attribute:?} in it and en");
                for name in &va {
                    assert!(
                        params.contains(&name.as_str()),
                        "`{id}` {attribute:?} uses `{name}`, which the code does not give"
                    );
                }
                used.extend(va);
            }
            for param in *params {
                assert!(
                    used.contains(*param),
                    "`{id}` is given `{param}` but says it nowhere"
                );
            }
        }
    }

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }

    #[test]
    fn every_code_is_used_and_every_use_is_a_code() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        files.retain(|(path, _)| !path.ends_with("diagnostics/codes.rs"));
        let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
        for (id, _, function, is_problem) in registry() {
            let module = if is_problem { "problem" } else { "text" };
            let path = format!("{module}::{function}");
            // Called, or passed as a function (`problem::duplicate_ambito,`).
            let used = all.match_indices(&path).any(|(at, _)| {
                !all[at + path.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            });
            assert!(used, "`{id}` ({path}) is never used");
        }
        // Nothing builds a sentence of its own, or a message the catalogue
        // does not list.
        for (path, text) in &files {
            for forbidden in ["Diagnostic::error(", "Diagnostic::warning("] {
                assert!(!text.contains(forbidden), "{path} uses {forbidden}");
            }
            if !path.contains("/src/diagnostics/") {
                assert!(!text.contains("Message::new("), "{path} uses Message::new");
            }
        }
    }
}
