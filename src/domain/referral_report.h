// The secretariat's referral report for a period: how many referrals were
// sent, accepted, declined, completed and answered late, in total and by
// country pair, service, sending and receiving organisation, with the median
// times to accept and to complete. Built from the referrals' plain columns
// only (parties, services, status, dates): no case, no person, no text.
//
// Counting: the report follows the referrals SENT in [from, to) (UTC days) to
// their outcome as it stands now. accepted = accepted and every later status
// (in progress, completed, closed); declined; completed; overdue = not
// answered by the end of its respond-by day (answered late, withdrawn late,
// or still waiting). A referral asking for several services counts once under
// each. Time to accept = sending to acceptance; time to complete = sending to
// completion; medians in hours.
//
// Small-cell suppression, so that no count or median singles out a person:
//  - a count from 1 to threshold-1 is shown as "<threshold" ("<11");
//  - in a group sent to fewer than `threshold` times every count is shown so,
//    zeros included, and its medians are hidden;
//  - a median over fewer than `threshold` referrals is hidden;
//  - in the dimensions whose groups add up to the total (country pairs,
//    sending and receiving organisations), a column with exactly one
//    suppressed cell has its smallest other cell suppressed too, so the
//    hidden count cannot be recovered by subtraction from the total.
// The threshold is 11 by default; a request may raise it (up to 1000), never
// lower it. Zero stays 0 in groups of threshold or more: it counts nobody.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/records.h"
#include "domain/referral.h"

namespace trm::domain {

inline constexpr int kDefaultSuppressionThreshold = 11;
inline constexpr int kMaxSuppressionThreshold = 1000;

// [from, to): dates YYYY-MM-DD, UTC.
struct ReportPeriod {
  std::string from;
  std::string to;
};

// Checks both dates, from < to and a span of at most ten years (fields
// "from", "to"), and the threshold (field "threshold").
Status ValidateReportRequest(const ReportPeriod& p, int threshold);

// What the report reads of one referral: nothing that names anyone.
struct ReferralFact {
  Id from_organisation_id = 0;
  Id to_organisation_id = 0;
  std::vector<std::string> services;
  ReferralStatus status = ReferralStatus::kSent;
  std::string respond_by;
  Millis sent_at = 0;
  Millis answered_at = 0;
  Millis finished_at = 0;
};

// An organisation as the report names it.
struct ReportOrg {
  Id id = 0;
  std::string name;
  std::string country;
};

// A published count: the number, or suppressed (shown as "<threshold").
struct Cell {
  int64_t value = 0;  // 0 when suppressed: the true value never leaves the builder
  bool suppressed = false;
};

struct ReportCounts {
  Cell sent, accepted, declined, completed, overdue;
  std::optional<double> median_hours_to_accept;    // nullopt: hidden or none
  std::optional<double> median_hours_to_complete;  // nullopt: hidden or none
};

struct ReportGroup {
  std::string key;    // "TH>KH", "legal_aid", or the organisation id
  std::string label;  // what a person reads: "TH → KH", "legal_aid", the organisation's name
  std::string country;  // the organisation's country (organisation groups only)
  ReportCounts counts;
};

// Repatriations completed in the period and how long they took (start to
// completion, whole days), suppressed like the referral counts: a count from
// 1 to threshold-1 is "<threshold", and the median is hidden below the
// threshold.
struct RepatriationFigures {
  Cell completed;
  std::optional<double> median_days;
};

struct ReferralReport {
  ReportPeriod period;
  int threshold = kDefaultSuppressionThreshold;
  ReportCounts total;
  std::vector<ReportGroup> by_country_pair;
  std::vector<ReportGroup> by_service;
  std::vector<ReportGroup> by_sending_organisation;
  std::vector<ReportGroup> by_receiving_organisation;
  std::optional<RepatriationFigures> repatriations;
};

// Builds the suppressed report. `facts` are the referrals sent in the period;
// `orgs` names every organisation they mention; `now` decides whether a
// referral still waiting is overdue. Groups are ordered by label.
// REQUIRES: ValidateReportRequest(period, threshold) is ok.
ReferralReport BuildReferralReport(const std::vector<ReferralFact>& facts,
                                   const std::vector<ReportOrg>& orgs, const ReportPeriod& period,
                                   int threshold, Millis now);

// The published figures for repatriations completed in the period, from
// their durations in days. REQUIRES: a valid threshold (11 to 1000).
RepatriationFigures BuildRepatriationFigures(const std::vector<int64_t>& duration_days, int threshold);

// The median of `values` (the mean of the middle two for an even count);
// nullopt for none.
std::optional<double> Median(std::vector<double> values);

}  // namespace trm::domain
