//! The digest's part of the view model: counts by section and sector, Recommendations by
//! status and sector, events by date, entries by resolution. Groupings are computed here
//! with a fixed order (section numbers, `Sector::ALL`, `Status::ALL`, dates, then entry
//! order), so templates only print. Fields are listed in `docs/template-fields.md`.

use serde::Serialize;

use super::entry_view::{EntryView, EventView, RecommendationView};
use crate::model::{Entry, Sector, Status};
use crate::number::SectionNumber;
use crate::render::conventions::number_label;

/// Digest: a top-level section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// `2`
    pub number: String,
    /// `2.` or `2`, as the report prints it.
    pub label: String,
    /// The heading title of the top-level entry, or none if it has no title.
    pub title: Option<String>,
    /// Entries in the section, the top-level entry included.
    pub entries: usize,
    /// The same entries by sector.
    pub sectors: SectorCounts,
}

/// Entry counts by sector.
#[derive(Debug, Clone, Serialize)]
pub struct SectorCounts {
    /// Sectors with at least one entry, in the order ITU-T, ITU-R, ITU-D, GS.
    pub counts: Vec<SectorCount>,
    /// Entries that name no sector.
    pub none: usize,
}

/// How many entries one sector has.
#[derive(Debug, Clone, Serialize)]
pub struct SectorCount {
    /// `ITU-T`
    pub sector: &'static str,
    pub entries: usize,
}

/// Digest: the Recommendations of one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusGroup {
    /// `approved`
    pub status: &'static str,
    /// `Approved`, in the report's language.
    pub label: String,
    /// How many Recommendations have this status.
    pub count: usize,
    /// By sector (ITU-T, ITU-R, ITU-D), non-empty groups only.
    pub sectors: Vec<SectorGroup>,
}

/// Recommendations of one status and one sector, in entry order.
#[derive(Debug, Clone, Serialize)]
pub struct SectorGroup {
    pub sector: &'static str,
    pub recommendations: Vec<RecommendationView>,
}

/// Digest: one resolution of report.toml.
#[derive(Debug, Clone, Serialize)]
pub struct ResolutionView {
    /// `101`
    pub number: u32,
    /// The numbers of the entries that list it, in order: `["2.1", "3.6"]`.
    pub entries: Vec<String>,
}

pub(crate) fn sections(entries: &[Entry], top_period: bool) -> Vec<SectionView> {
    let mut out: Vec<SectionView> = Vec::new();
    // Entries are in number order, so a section's entries are consecutive.
    let mut start = 0;
    while start < entries.len() {
        let top = entries[start].number.top();
        let len = entries[start..]
            .iter()
            .take_while(|e| e.number.top() == top)
            .count();
        let group = &entries[start..start + len];
        let head = group.iter().find(|e| e.number.depth() == 1);
        let number = head
            .map(|e| e.number)
            .or_else(|| SectionNumber::from_parts(&[top]));
        out.push(SectionView {
            number: top.to_string(),
            label: number.map_or_else(|| top.to_string(), |n| number_label(&n, top_period)),
            title: head.and_then(|e| e.title.clone()),
            entries: group.len(),
            sectors: sector_counts(group.iter()),
        });
        start += len;
    }
    out
}

pub(crate) fn sector_counts<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> SectorCounts {
    SectorCounts {
        counts: Sector::ALL
            .into_iter()
            .map(|s| SectorCount {
                sector: s.as_str(),
                entries: entries.clone().filter(|e| e.sector == Some(s)).count(),
            })
            .filter(|c| c.entries > 0)
            .collect(),
        none: entries.filter(|e| e.sector.is_none()).count(),
    }
}

pub(crate) fn recommendation_groups(
    entries: &[EntryView],
    labels: &crate::locale::Labels,
) -> Vec<StatusGroup> {
    let all: Vec<&RecommendationView> = entries.iter().flat_map(|e| &e.recommendations).collect();
    Status::ALL
        .into_iter()
        .filter_map(|status| {
            let of_status: Vec<&RecommendationView> = all
                .iter()
                .copied()
                .filter(|r| r.status == status.as_str())
                .collect();
            if of_status.is_empty() {
                return None;
            }
            let sectors = Sector::ALL
                .into_iter()
                .filter_map(|sector| {
                    let recommendations: Vec<RecommendationView> = of_status
                        .iter()
                        .filter(|r| r.sector == sector.as_str())
                        .map(|r| (*r).clone())
                        .collect();
                    (!recommendations.is_empty()).then_some(SectorGroup {
                        sector: sector.as_str(),
                        recommendations,
                    })
                })
                .collect();
            Some(StatusGroup {
                status: status.as_str(),
                label: labels.status(status).to_owned(),
                count: of_status.len(),
                sectors,
            })
        })
        .collect()
}

pub(crate) fn events(entries: &[EntryView]) -> Vec<EventView> {
    let mut events: Vec<EventView> = entries
        .iter()
        .filter_map(|e| e.event.as_deref().cloned())
        .collect();
    // Stable: events with the same dates stay in entry order. ISO strings sort as dates.
    events.sort_by(|a, b| {
        let key = |e: &EventView| {
            (
                e.start_iso.clone(),
                e.end_iso.clone().unwrap_or_else(|| e.start_iso.clone()),
            )
        };
        key(a).cmp(&key(b))
    });
    events
}

/// For each resolution of report.toml, in its order, the entries that list it.
pub(crate) fn resolutions(resolutions: &[u32], entries: &[Entry]) -> Vec<ResolutionView> {
    resolutions
        .iter()
        .map(|&number| ResolutionView {
            number,
            entries: entries
                .iter()
                .filter(|e| e.resolutions.contains(&number))
                .map(|e| e.number.to_string())
                .collect(),
        })
        .collect()
}
