//! The locale table: every word of boilerplate, in each of the six languages, in one
//! place. A report overrides any of them in report.toml (`[labels.F] summary = "…"`);
//! README's "Translations" section lists the fields.
//!
//! Where the wording comes from. The header block, the language line and the Summary
//! box's labels are those of Council documents issued in each language, as found in
//! public copies of them (the addresses below); the date formats are ICU4X's (CLDR),
//! checked against the same documents (see `dates.rs`). A `{}` in a pattern is where
//! the value goes.
//!
//! - French: Council document C2001/38-F (itu.int/osg/spu/stratplan/documents/doc038/
//!   doc38-fr.html): "Document C2001/38-F", "25 mai 2001", "Original: anglais" (no space
//!   before the colon in the header block), "Rapport du Secrétaire général".
//! - Spanish: Council document C19/35-S (pdfslide.es, "Informe anual sobre los avances de
//!   la UIT"): "Punto del orden del día: PL 3.1", "Documento C19/35-S", "18 de abril de
//!   2019", "Original: inglés", "Resumen", "Acción solicitada", "Referencia",
//!   "www.itu.int/council"; Council document C17/114-S (econn.org): "Consejo 2017",
//!   "Ginebra, 15-25 de mayo de 2017", "Original: francés".
//! - Arabic: PP-18 document 42-A (vdocuments.pub): "الوثيقة 42-A", "17 يوليو 2018"
//!   (Latin digits, the Egyptian month names), "الأصل: بالإنكليزية", "مذكرة من الأمين
//!   العام"; RPM-ARB17 document 10-A (vdocuments.net): "ملخص:", "الأصل: بالإنكليزية".
//! - Chinese: ITU-R Administrative Circular CA/154 (mdjjksjc.com copy): "参考文件:",
//!   dates "2005年6月2日"; Council 2009 resolutions (itu.int/wftp3/…/Council09ResDec/C):
//!   "参阅: C99/116和C99/133号文件".
//! - Russian: UNESCO CONFINTEA VI/2 (docplayer.ru): "Оригинал: английский" as the United
//!   Nations system writes the language line; ICAO Doc 10082 and a UNODC report: dates
//!   "27 сентября – 6 октября 2016 года", "30 мая – 1 июня 2012 года" (`года`, not ICU's
//!   abbreviation `г.`).
//!
//! The list of changes of a revision's digest (`changes_*`, `part_*`) names what happened
//! to an entry with the nouns of the marginal notes of the Union's Final Acts: the
//! explanatory note of the Final Acts of the Plenipotentiary Conference (Marrakesh, 2002)
//! in French (the Journal officiel's text, legal.tricoteuses.fr/articles/
//! JORFARTI000019030944): "ADD = adjonction d'une nouvelle disposition", "MOD =
//! modification", "SUP = disposition supprimée", "SUP* = disposition déplacée"; in
//! Spanish (studylib.es copy): "disposición añadida", "modificada", "suprimida",
//! "trasladada" (nouns here: adición, modificación, supresión, traslado). Nouns, followed
//! by a colon in the closing counts ("adjonctions: 1"), so that no count has to agree
//! with a participle; the parts take the words of the labels above (`Secteur`,
//! `Recommandations`, `période couverte`). Not checked against a public copy: the list's
//! titles ("Modifications apportées depuis le Document {}"), and the Arabic, Chinese and
//! Russian words (إضافة، تعديل، حذف، نقل; 增加、修改、删除、移动; добавление, изменение,
//! исключение, перенос), taken from the same notes as the Union's language services
//! write them. A Council editor who finds other wording overrides it in report.toml.
//!
//! Not found in a public copy and taken from the usage of the Union's language services
//! as the translations of its Basic Texts show it: the Arabic and Chinese agenda-item
//! line and the Arabic "Action required" and "References", the Chinese and Russian
//! Summary-box labels. A Council editor who finds another wording overrides it in
//! report.toml.

use serde::Serialize;

use super::Language;

/// Every label of a rendering, as printed (patterns hold `{}` where the value goes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// `Agenda item: {}`: the header block's second row.
    pub agenda_item: String,
    /// `Document {}`: the document number with its language suffix.
    pub document: String,
    /// `Original: English`: the language line of a translation of an English original.
    pub original: String,
    /// The Summary box's labels.
    pub summary: String,
    pub action_required: String,
    pub references: String,
    /// `- {} -`: the running header's page line (the page number is a field).
    pub page: String,
    /// `• {} •`: the first-page footer around its link.
    pub footer: String,
    /// The digest's headings and words.
    pub digest: String,
    pub reporting_period: String,
    pub entries_by_section: String,
    pub untitled: String,
    pub entries_by_sector: String,
    pub no_sector: String,
    pub recommendations: String,
    pub approved: String,
    pub consented: String,
    pub revised: String,
    pub started: String,
    pub none: String,
    pub events: String,
    pub resolutions: String,
    pub resolution: String,
    pub no_entry: String,
    pub warnings: String,
    /// `DRAFT: report.toml still holds placeholders for {}`
    pub draft_placeholders: String,
    /// `DRAFT: pieces of text not translated yet (printed in English, highlighted): {}`
    pub draft_untranslated: String,
    /// The digest's list of changes in a revision (`build --against`): its title,
    /// lines and closing count (`changes_*`; `changes_line` has three `{}` and
    /// `changes_total` two, filled in order by [`super::fill_each`]), and the names of the
    /// parts that can change (`part_*`; the Summary box's parts are named by `summary`,
    /// `action_required` and `references`).
    pub changes_since: String,
    pub changes_none: String,
    pub changes_first_page: String,
    pub changes_was: String,
    pub changes_line: String,
    pub changes_added: String,
    pub changes_removed: String,
    pub changes_revised: String,
    pub changes_renumbered: String,
    pub changes_moved: String,
    pub changes_also_revised: String,
    pub changes_total: String,
    pub changes_count_added: String,
    pub changes_count_removed: String,
    pub changes_count_revised: String,
    pub changes_count_renumbered: String,
    pub changes_count_moved: String,
    pub changes_separator: String,
    pub part_title: String,
    pub part_text: String,
    pub part_sector: String,
    pub part_resolutions: String,
    pub part_recommendations: String,
    pub part_event: String,
    pub part_meeting: String,
    pub part_place_and_dates: String,
    pub part_agenda_item: String,
    pub part_language_line: String,
    pub part_source: String,
    pub part_reporting_period: String,
    /// `{} entry`, `{} entries` …: by plural category (CLDR: zero, one, two, few, many,
    /// other), the forms the language has; `other` is the fallback.
    pub entries: PluralForms,
}

/// The forms of a counted noun, by CLDR plural category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PluralForms {
    pub zero: Option<String>,
    pub one: Option<String>,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
}

/// The field names of [`Labels`], as report.toml's `[labels.X]` tables name them.
pub const FIELDS: &[&str] = &[
    "agenda_item",
    "document",
    "original",
    "summary",
    "action_required",
    "references",
    "page",
    "footer",
    "digest",
    "reporting_period",
    "entries_by_section",
    "untitled",
    "entries_by_sector",
    "no_sector",
    "recommendations",
    "approved",
    "consented",
    "revised",
    "started",
    "none",
    "events",
    "resolutions",
    "resolution",
    "no_entry",
    "warnings",
    "draft_placeholders",
    "draft_untranslated",
    "changes_since",
    "changes_none",
    "changes_first_page",
    "changes_was",
    "changes_line",
    "changes_added",
    "changes_removed",
    "changes_revised",
    "changes_renumbered",
    "changes_moved",
    "changes_also_revised",
    "changes_total",
    "changes_count_added",
    "changes_count_removed",
    "changes_count_revised",
    "changes_count_renumbered",
    "changes_count_moved",
    "changes_separator",
    "part_title",
    "part_text",
    "part_sector",
    "part_resolutions",
    "part_recommendations",
    "part_event",
    "part_meeting",
    "part_place_and_dates",
    "part_agenda_item",
    "part_language_line",
    "part_source",
    "part_reporting_period",
];

impl Labels {
    /// The label named `field` (one of [`FIELDS`]), to override it.
    pub fn field_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "agenda_item" => &mut self.agenda_item,
            "document" => &mut self.document,
            "original" => &mut self.original,
            "summary" => &mut self.summary,
            "action_required" => &mut self.action_required,
            "references" => &mut self.references,
            "page" => &mut self.page,
            "footer" => &mut self.footer,
            "digest" => &mut self.digest,
            "reporting_period" => &mut self.reporting_period,
            "entries_by_section" => &mut self.entries_by_section,
            "untitled" => &mut self.untitled,
            "entries_by_sector" => &mut self.entries_by_sector,
            "no_sector" => &mut self.no_sector,
            "recommendations" => &mut self.recommendations,
            "approved" => &mut self.approved,
            "consented" => &mut self.consented,
            "revised" => &mut self.revised,
            "started" => &mut self.started,
            "none" => &mut self.none,
            "events" => &mut self.events,
            "resolutions" => &mut self.resolutions,
            "resolution" => &mut self.resolution,
            "no_entry" => &mut self.no_entry,
            "warnings" => &mut self.warnings,
            "draft_placeholders" => &mut self.draft_placeholders,
            "draft_untranslated" => &mut self.draft_untranslated,
            "changes_since" => &mut self.changes_since,
            "changes_none" => &mut self.changes_none,
            "changes_first_page" => &mut self.changes_first_page,
            "changes_was" => &mut self.changes_was,
            "changes_line" => &mut self.changes_line,
            "changes_added" => &mut self.changes_added,
            "changes_removed" => &mut self.changes_removed,
            "changes_revised" => &mut self.changes_revised,
            "changes_renumbered" => &mut self.changes_renumbered,
            "changes_moved" => &mut self.changes_moved,
            "changes_also_revised" => &mut self.changes_also_revised,
            "changes_total" => &mut self.changes_total,
            "changes_count_added" => &mut self.changes_count_added,
            "changes_count_removed" => &mut self.changes_count_removed,
            "changes_count_revised" => &mut self.changes_count_revised,
            "changes_count_renumbered" => &mut self.changes_count_renumbered,
            "changes_count_moved" => &mut self.changes_count_moved,
            "changes_separator" => &mut self.changes_separator,
            "part_title" => &mut self.part_title,
            "part_text" => &mut self.part_text,
            "part_sector" => &mut self.part_sector,
            "part_resolutions" => &mut self.part_resolutions,
            "part_recommendations" => &mut self.part_recommendations,
            "part_event" => &mut self.part_event,
            "part_meeting" => &mut self.part_meeting,
            "part_place_and_dates" => &mut self.part_place_and_dates,
            "part_agenda_item" => &mut self.part_agenda_item,
            "part_language_line" => &mut self.part_language_line,
            "part_source" => &mut self.part_source,
            "part_reporting_period" => &mut self.part_reporting_period,
            _ => return None,
        })
    }

    /// The label of a Recommendation status (`approved` …).
    pub fn status(&self, status: crate::model::Status) -> &str {
        use crate::model::Status;
        match status {
            Status::Approved => &self.approved,
            Status::Consented => &self.consented,
            Status::Revised => &self.revised,
            Status::Started => &self.started,
        }
    }
}

/// One row of the table, as written below.
struct Row {
    agenda_item: &'static str,
    document: &'static str,
    original: &'static str,
    summary: &'static str,
    action_required: &'static str,
    references: &'static str,
    digest: &'static str,
    reporting_period: &'static str,
    entries_by_section: &'static str,
    untitled: &'static str,
    entries_by_sector: &'static str,
    no_sector: &'static str,
    recommendations: &'static str,
    statuses: [&'static str; 4],
    none: &'static str,
    events: &'static str,
    resolutions: &'static str,
    resolution: &'static str,
    no_entry: &'static str,
    warnings: &'static str,
    draft_placeholders: &'static str,
    draft_untranslated: &'static str,
    /// The list of changes, in the order of [`Labels`]' `changes_*` fields.
    changes: [&'static str; 18],
    /// The parts, in the order of its `part_*` fields.
    parts: [&'static str; 12],
    /// zero, one, two, few, many, other ("" where the language has no such form).
    entries: [&'static str; 6],
}

const ENGLISH: Row = Row {
    agenda_item: "Agenda item: {}",
    document: "Document {}",
    original: "Original: English",
    summary: "Summary",
    action_required: "Action required",
    references: "References",
    digest: "Digest of Document {}",
    reporting_period: "Reporting period: {}",
    entries_by_section: "Entries by section ({} in all)",
    untitled: "(untitled)",
    entries_by_sector: "Entries by sector",
    no_sector: "No sector",
    recommendations: "Recommendations ({})",
    statuses: ["Approved", "Consented", "Revised", "Started"],
    none: "None.",
    events: "Events ({})",
    resolutions: "Resolutions",
    resolution: "Resolution {}",
    no_entry: "no entry",
    warnings: "Warnings ({})",
    draft_placeholders: "DRAFT: report.toml still holds placeholders for {}",
    draft_untranslated: "DRAFT: pieces of text not translated yet (printed in English, highlighted): {}",
    changes: [
        "Changes since Document {}",
        "No changes.",
        "first page: {} revised",
        "(was {})",
        "{} {}: {}",
        "added",
        "removed",
        "revised ({})",
        "renumbered",
        "moved",
        ", {} revised",
        "{} changed: {}.",
        "{} added",
        "{} removed",
        "{} revised",
        "{} renumbered",
        "{} moved",
        ", ",
    ],
    parts: [
        "title",
        "text",
        "sector",
        "resolutions",
        "Recommendations",
        "event",
        "meeting",
        "place and dates",
        "agenda item",
        "language line",
        "source",
        "reporting period",
    ],
    entries: ["", "{} entry", "", "", "", "{} entries"],
};

const FRENCH: Row = Row {
    agenda_item: "Point de l’ordre du jour: {}",
    document: "Document {}",
    original: "Original: anglais",
    summary: "Résumé",
    action_required: "Suite à donner",
    references: "Références",
    digest: "Condensé du Document {}",
    reporting_period: "Période couverte: {}",
    entries_by_section: "Entrées par section ({} au total)",
    untitled: "(sans titre)",
    entries_by_sector: "Entrées par Secteur",
    no_sector: "Sans Secteur",
    recommendations: "Recommandations ({})",
    statuses: [
        "Approuvées",
        "Consentement obtenu",
        "Révisées",
        "Travaux entamés",
    ],
    none: "Aucune.",
    events: "Manifestations ({})",
    resolutions: "Résolutions",
    resolution: "Résolution {}",
    no_entry: "aucune entrée",
    warnings: "Avertissements ({})",
    draft_placeholders: "PROJET: le fichier report.toml contient encore des valeurs provisoires pour {}",
    draft_untranslated: "PROJET: passages pas encore traduits (imprimés en anglais, surlignés): {}",
    changes: [
        "Modifications apportées depuis le Document {}",
        "Aucune modification.",
        "première page – éléments modifiés: {}",
        "(anciennement {})",
        "{} {}: {}",
        "adjonction",
        "suppression",
        "modification ({})",
        "renumérotation",
        "déplacement",
        ", modification ({})",
        "Modifications portant sur {} ({}).",
        "adjonctions: {}",
        "suppressions: {}",
        "modifications: {}",
        "renumérotations: {}",
        "déplacements: {}",
        ", ",
    ],
    parts: [
        "titre",
        "texte",
        "Secteur",
        "résolutions",
        "Recommandations",
        "manifestation",
        "réunion",
        "lieu et dates",
        "point de l’ordre du jour",
        "langue de l’original",
        "origine",
        "période couverte",
    ],
    entries: ["", "{} entrée", "", "", "", "{} entrées"],
};

const SPANISH: Row = Row {
    agenda_item: "Punto del orden del día: {}",
    document: "Documento {}",
    original: "Original: inglés",
    summary: "Resumen",
    action_required: "Acción solicitada",
    references: "Referencia",
    digest: "Compendio del Documento {}",
    reporting_period: "Periodo examinado: {}",
    entries_by_section: "Entradas por sección ({} en total)",
    untitled: "(sin título)",
    entries_by_sector: "Entradas por Sector",
    no_sector: "Sin Sector",
    recommendations: "Recomendaciones ({})",
    statuses: [
        "Aprobadas",
        "Con consentimiento",
        "Revisadas",
        "Trabajos iniciados",
    ],
    none: "Ninguna.",
    events: "Eventos ({})",
    resolutions: "Resoluciones",
    resolution: "Resolución {}",
    no_entry: "ninguna entrada",
    warnings: "Advertencias ({})",
    draft_placeholders: "BORRADOR: report.toml aún contiene marcadores para {}",
    draft_untranslated: "BORRADOR: fragmentos aún sin traducir (en inglés, resaltados): {}",
    changes: [
        "Modificaciones introducidas desde el Documento {}",
        "Ninguna modificación.",
        "primera página – elementos modificados: {}",
        "(antes {})",
        "{} {}: {}",
        "adición",
        "supresión",
        "modificación ({})",
        "renumeración",
        "traslado",
        ", modificación ({})",
        "Modificaciones en {} ({}).",
        "adiciones: {}",
        "supresiones: {}",
        "modificaciones: {}",
        "renumeraciones: {}",
        "traslados: {}",
        ", ",
    ],
    parts: [
        "título",
        "texto",
        "Sector",
        "resoluciones",
        "Recomendaciones",
        "evento",
        "reunión",
        "lugar y fechas",
        "punto del orden del día",
        "idioma original",
        "origen",
        "periodo examinado",
    ],
    entries: ["", "{} entrada", "", "", "", "{} entradas"],
};

const ARABIC: Row = Row {
    agenda_item: "بند جدول الأعمال: {}",
    document: "الوثيقة {}",
    original: "الأصل: بالإنكليزية",
    summary: "ملخص",
    action_required: "الإجراء المطلوب",
    references: "المراجع",
    digest: "موجز الوثيقة {}",
    reporting_period: "الفترة المشمولة بالتقرير: {}",
    entries_by_section: "المداخل حسب القسم (المجموع {})",
    untitled: "(بدون عنوان)",
    entries_by_sector: "المداخل حسب القطاع",
    no_sector: "بدون قطاع",
    recommendations: "التوصيات ({})",
    statuses: ["معتمدة", "حظيت بالموافقة", "منقحة", "بدأ العمل فيها"],
    none: "لا شيء.",
    events: "الأحداث ({})",
    resolutions: "القرارات",
    resolution: "القرار {}",
    no_entry: "لا مدخل",
    warnings: "التحذيرات ({})",
    draft_placeholders: "مسودة: ما زال الملف report.toml يتضمن قيماً مؤقتة لـ {}",
    draft_untranslated: "مسودة: مقاطع لم تترجم بعد (مطبوعة بالإنكليزية ومظللة): {}",
    changes: [
        "التغييرات منذ الوثيقة {}",
        "لا توجد تغييرات.",
        "الصفحة الأولى – العناصر المعدلة: {}",
        "(سابقاً {})",
        "{} {}: {}",
        "إضافة",
        "حذف",
        "تعديل ({})",
        "إعادة ترقيم",
        "نقل",
        "، تعديل ({})",
        "المجموع: {} ({}).",
        "إضافة: {}",
        "حذف: {}",
        "تعديل: {}",
        "إعادة ترقيم: {}",
        "نقل: {}",
        "، ",
    ],
    parts: [
        "العنوان",
        "النص",
        "القطاع",
        "القرارات",
        "التوصيات",
        "الحدث",
        "الدورة",
        "المكان والتواريخ",
        "بند جدول الأعمال",
        "لغة الأصل",
        "المصدر",
        "الفترة المشمولة بالتقرير",
    ],
    entries: [
        "{} مدخل",
        "مدخل واحد",
        "مدخلان",
        "{} مداخل",
        "{} مدخلاً",
        "{} مدخل",
    ],
};

const CHINESE: Row = Row {
    agenda_item: "议项：{}",
    document: "文件 {}",
    original: "原文：英文",
    summary: "概要",
    action_required: "需要采取的行动",
    references: "参考文件",
    digest: "文件 {} 摘要",
    reporting_period: "报告所涉期间：{}",
    entries_by_section: "各节条目（共 {} 项）",
    untitled: "（无标题）",
    entries_by_sector: "各部门条目",
    no_sector: "无部门",
    recommendations: "建议书（{}）",
    statuses: ["已批准", "已同意", "已修订", "已启动"],
    none: "无。",
    events: "活动（{}）",
    resolutions: "决议",
    resolution: "第 {} 号决议",
    no_entry: "无条目",
    warnings: "警告（{}）",
    draft_placeholders: "草案：report.toml 中仍有以下占位值：{}",
    draft_untranslated: "草案：尚未翻译的段落（以英文印出，突出显示）：{}",
    changes: [
        "自文件 {} 以来的修改",
        "无修改。",
        "第一页 – 修改之处：{}",
        "（原 {}）",
        "{} {}：{}",
        "增加",
        "删除",
        "修改（{}）",
        "重新编号",
        "移动",
        "，修改（{}）",
        "共 {}（{}）。",
        "增加：{}",
        "删除：{}",
        "修改：{}",
        "重新编号：{}",
        "移动：{}",
        "、",
    ],
    parts: [
        "标题",
        "正文",
        "部门",
        "决议",
        "建议书",
        "活动",
        "会议",
        "地点和日期",
        "议项",
        "原文语种",
        "来源",
        "报告所涉期间",
    ],
    entries: ["", "", "", "", "", "{} 项"],
};

const RUSSIAN: Row = Row {
    agenda_item: "Пункт повестки дня: {}",
    document: "Документ {}",
    original: "Оригинал: английский",
    summary: "Резюме",
    action_required: "Необходимые действия",
    references: "Справочные материалы",
    digest: "Сводка Документа {}",
    reporting_period: "Отчетный период: {}",
    entries_by_section: "Пункты по разделам (всего {})",
    untitled: "(без названия)",
    entries_by_sector: "Пункты по Секторам",
    no_sector: "Без Сектора",
    recommendations: "Рекомендации ({})",
    statuses: [
        "Утвержденные",
        "Получившие согласие",
        "Пересмотренные",
        "Начатые",
    ],
    none: "Нет.",
    events: "Мероприятия ({})",
    resolutions: "Резолюции",
    resolution: "Резолюция {}",
    no_entry: "нет пунктов",
    warnings: "Предупреждения ({})",
    draft_placeholders: "ПРОЕКТ: в report.toml еще остаются заполнители для {}",
    draft_untranslated: "ПРОЕКТ: еще не переведенные фрагменты (напечатаны на английском, выделены): {}",
    changes: [
        "Изменения по сравнению с Документом {}",
        "Изменений нет.",
        "первая страница – измененные элементы: {}",
        "(ранее {})",
        "{} {}: {}",
        "добавление",
        "исключение",
        "изменение ({})",
        "перенумерация",
        "перенос",
        ", изменение ({})",
        "Итого: {} ({}).",
        "добавления: {}",
        "исключения: {}",
        "изменения: {}",
        "перенумерация: {}",
        "перенос: {}",
        ", ",
    ],
    parts: [
        "название",
        "текст",
        "Сектор",
        "резолюции",
        "Рекомендации",
        "мероприятие",
        "сессия",
        "место и даты",
        "пункт повестки дня",
        "язык оригинала",
        "источник",
        "отчетный период",
    ],
    entries: ["", "{} пункт", "", "{} пункта", "{} пунктов", "{} пункта"],
};

/// The table's labels for `language`.
pub fn labels(language: Language) -> Labels {
    let row = match language {
        Language::E => &ENGLISH,
        Language::F => &FRENCH,
        Language::S => &SPANISH,
        Language::A => &ARABIC,
        Language::C => &CHINESE,
        Language::R => &RUSSIAN,
    };
    let form = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let [zero, one, two, few, many, other] = row.entries;
    let [approved, consented, revised, started] = row.statuses;
    let [
        changes_since,
        changes_none,
        changes_first_page,
        changes_was,
        changes_line,
        changes_added,
        changes_removed,
        changes_revised,
        changes_renumbered,
        changes_moved,
        changes_also_revised,
        changes_total,
        changes_count_added,
        changes_count_removed,
        changes_count_revised,
        changes_count_renumbered,
        changes_count_moved,
        changes_separator,
    ] = row.changes.map(String::from);
    let [
        part_title,
        part_text,
        part_sector,
        part_resolutions,
        part_recommendations,
        part_event,
        part_meeting,
        part_place_and_dates,
        part_agenda_item,
        part_language_line,
        part_source,
        part_reporting_period,
    ] = row.parts.map(String::from);
    Labels {
        agenda_item: row.agenda_item.into(),
        document: row.document.into(),
        original: row.original.into(),
        summary: row.summary.into(),
        action_required: row.action_required.into(),
        references: row.references.into(),
        // The same in every language: Council documents of each language print the page
        // line and the footer link alike.
        page: "- {} -".into(),
        footer: "\u{2022} {} \u{2022}".into(),
        digest: row.digest.into(),
        reporting_period: row.reporting_period.into(),
        entries_by_section: row.entries_by_section.into(),
        untitled: row.untitled.into(),
        entries_by_sector: row.entries_by_sector.into(),
        no_sector: row.no_sector.into(),
        recommendations: row.recommendations.into(),
        approved: approved.into(),
        consented: consented.into(),
        revised: revised.into(),
        started: started.into(),
        none: row.none.into(),
        events: row.events.into(),
        resolutions: row.resolutions.into(),
        resolution: row.resolution.into(),
        no_entry: row.no_entry.into(),
        warnings: row.warnings.into(),
        draft_placeholders: row.draft_placeholders.into(),
        draft_untranslated: row.draft_untranslated.into(),
        changes_since,
        changes_none,
        changes_first_page,
        changes_was,
        changes_line,
        changes_added,
        changes_removed,
        changes_revised,
        changes_renumbered,
        changes_moved,
        changes_also_revised,
        changes_total,
        changes_count_added,
        changes_count_removed,
        changes_count_revised,
        changes_count_renumbered,
        changes_count_moved,
        changes_separator,
        part_title,
        part_text,
        part_sector,
        part_resolutions,
        part_recommendations,
        part_event,
        part_meeting,
        part_place_and_dates,
        part_agenda_item,
        part_language_line,
        part_source,
        part_reporting_period,
        entries: PluralForms {
            zero: form(zero),
            one: form(one),
            two: form(two),
            few: form(few),
            many: form(many),
            other: other.into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_can_be_overridden() {
        let mut labels = labels(Language::E);
        for field in FIELDS {
            let slot = labels.field_mut(field).expect("a field");
            *slot = format!("<{field}>");
        }
        assert_eq!(labels.summary, "<summary>");
        assert!(labels.field_mut("nonsense").is_none());
    }

    #[test]
    fn no_straight_quotes_and_every_pattern_has_its_hole() {
        for language in Language::ALL {
            let l = labels(language);
            let json = serde_json::to_string(&l).expect("serializes");
            assert!(!json.contains('\''), "{language}: {json}");
            for pattern in [
                &l.agenda_item,
                &l.document,
                &l.digest,
                &l.reporting_period,
                &l.recommendations,
                &l.events,
                &l.resolution,
                &l.warnings,
                &l.entries.other,
                &l.changes_since,
                &l.changes_first_page,
                &l.changes_was,
                &l.changes_revised,
                &l.changes_also_revised,
                &l.changes_count_added,
                &l.changes_count_removed,
                &l.changes_count_revised,
                &l.changes_count_renumbered,
                &l.changes_count_moved,
            ] {
                assert!(pattern.contains("{}"), "{language}: {pattern}");
            }
            assert_eq!(l.changes_line.matches("{}").count(), 3, "{language}");
            assert_eq!(l.changes_total.matches("{}").count(), 2, "{language}");
        }
    }
}
