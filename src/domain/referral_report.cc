#include "domain/referral_report.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kDay = 24 * kHour;
constexpr Millis kMaxSpan = 3660 * kDay;

// The true numbers of one group; they stay inside this file.
struct Tally {
  int64_t sent = 0, accepted = 0, declined = 0, completed = 0, overdue = 0;
  std::vector<double> hours_to_accept, hours_to_complete;
};

bool WasAccepted(ReferralStatus s) {
  return s == ReferralStatus::kAccepted || s == ReferralStatus::kInProgress ||
         s == ReferralStatus::kCompleted || s == ReferralStatus::kClosed;
}

// Not answered by the end of the respond-by day: answered or withdrawn after
// it, or still waiting after it.
bool WasOverdue(const ReferralFact& f, Millis now) {
  Millis answer = f.answered_at;
  if (answer == 0 && f.status == ReferralStatus::kWithdrawn) answer = f.finished_at;
  if (answer == 0 && f.status == ReferralStatus::kSent) answer = now;
  if (answer == 0 || f.respond_by.empty()) return false;
  return FormatDate(answer) > f.respond_by;
}

double Hours(Millis from, Millis to) { return static_cast<double>(to - from) / kHour; }

void Add(Tally& t, const ReferralFact& f, Millis now) {
  ++t.sent;
  if (WasAccepted(f.status)) {
    ++t.accepted;
    t.hours_to_accept.push_back(Hours(f.sent_at, f.answered_at));
  }
  if (f.status == ReferralStatus::kDeclined) ++t.declined;
  if (f.status == ReferralStatus::kCompleted) {
    ++t.completed;
    t.hours_to_complete.push_back(Hours(f.sent_at, f.finished_at));
  }
  if (WasOverdue(f, now)) ++t.overdue;
}

// The count columns, as pairs of where the true and the published value live.
struct Column {
  int64_t Tally::*raw;
  Cell ReportCounts::*cell;
};
constexpr Column kColumns[] = {
    {&Tally::sent, &ReportCounts::sent},
    {&Tally::accepted, &ReportCounts::accepted},
    {&Tally::declined, &ReportCounts::declined},
    {&Tally::completed, &ReportCounts::completed},
    {&Tally::overdue, &ReportCounts::overdue},
};

std::optional<double> PublishedMedian(const std::vector<double>& values, bool small_group, int k) {
  if (small_group || static_cast<int>(values.size()) < k) return std::nullopt;
  auto m = Median(values);
  if (!m) return std::nullopt;
  return std::round(*m * 10) / 10;  // one decimal: minutes would be false precision
}

ReportCounts Publish(const Tally& t, int k) {
  const bool small_group = t.sent < k;
  ReportCounts c;
  for (const Column& col : kColumns) {
    const int64_t v = t.*col.raw;
    c.*col.cell = (v < k && (v > 0 || small_group)) ? Cell{0, true} : Cell{v, false};
  }
  c.median_hours_to_accept = PublishedMedian(t.hours_to_accept, small_group, k);
  c.median_hours_to_complete = PublishedMedian(t.hours_to_complete, small_group, k);
  return c;
}

// Secondary suppression for a dimension whose groups add up to the total.
void ProtectBySubtraction(const std::vector<Tally>& raw, std::vector<ReportGroup>& groups) {
  for (const Column& col : kColumns) {
    int hidden = 0;
    for (const ReportGroup& g : groups) hidden += (g.counts.*col.cell).suppressed ? 1 : 0;
    if (hidden != 1) continue;
    size_t smallest = groups.size();
    for (size_t i = 0; i < groups.size(); ++i) {
      if ((groups[i].counts.*col.cell).suppressed) continue;
      if (smallest == groups.size() || raw[i].*col.raw < raw[smallest].*col.raw) smallest = i;
    }
    if (smallest < groups.size()) groups[smallest].counts.*col.cell = Cell{0, true};
  }
}

struct Dimension {
  std::map<std::string, Tally> tallies;
  std::map<std::string, ReportGroup> groups;  // key -> label and country, counts filled last
};

std::vector<ReportGroup> Finish(Dimension& d, int k, bool partition) {
  std::vector<std::pair<ReportGroup, Tally>> rows;
  for (auto& [key, tally] : d.tallies) {
    ReportGroup g = d.groups[key];
    g.counts = Publish(tally, k);
    rows.emplace_back(std::move(g), tally);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first.label < b.first.label; });
  std::vector<ReportGroup> groups;
  std::vector<Tally> raw;
  for (auto& [g, t] : rows) {
    groups.push_back(std::move(g));
    raw.push_back(std::move(t));
  }
  if (partition) ProtectBySubtraction(raw, groups);
  return groups;
}

}  // namespace

Status ValidateReportRequest(const ReportPeriod& p, int threshold) {
  if (!IsValidDate(p.from)) return Status::InvalidArgument("from must be a date YYYY-MM-DD", "from");
  if (!IsValidDate(p.to)) return Status::InvalidArgument("to must be a date YYYY-MM-DD", "to");
  if (p.to <= p.from) return Status::InvalidArgument("to must be after from (the period is [from, to))", "to");
  if (DateStart(p.to) - DateStart(p.from) > kMaxSpan)
    return Status::InvalidArgument("a report covers at most ten years", "to");
  if (threshold < kDefaultSuppressionThreshold || threshold > kMaxSuppressionThreshold)
    return Status::InvalidArgument("threshold must be between 11 and 1000: it may be raised, never lowered",
                                   "threshold");
  return Status::Ok();
}

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

RepatriationFigures BuildRepatriationFigures(const std::vector<int64_t>& duration_days, int threshold) {
  const auto n = static_cast<int64_t>(duration_days.size());
  RepatriationFigures f;
  f.completed.suppressed = n > 0 && n < threshold;
  f.completed.value = f.completed.suppressed ? 0 : n;
  if (n >= threshold) f.median_days = Median(std::vector<double>(duration_days.begin(), duration_days.end()));
  return f;
}

ReferralReport BuildReferralReport(const std::vector<ReferralFact>& facts,
                                   const std::vector<ReportOrg>& orgs, const ReportPeriod& period,
                                   int threshold, Millis now) {
  std::map<Id, const ReportOrg*> by_id;
  for (const ReportOrg& o : orgs) by_id[o.id] = &o;
  auto org = [&](Id id) {
    auto it = by_id.find(id);
    return it == by_id.end() ? ReportOrg{id, "#" + std::to_string(id), ""} : *it->second;
  };
  Tally total;
  Dimension pairs, services, senders, receivers;
  for (const ReferralFact& f : facts) {
    Add(total, f, now);
    const ReportOrg from = org(f.from_organisation_id);
    const ReportOrg to = org(f.to_organisation_id);
    const std::string pair = from.country + ">" + to.country;
    pairs.groups[pair] = ReportGroup{pair, from.country + " → " + to.country, "", {}};
    Add(pairs.tallies[pair], f, now);
    for (const std::string& s : f.services) {
      services.groups[s] = ReportGroup{s, s, "", {}};
      Add(services.tallies[s], f, now);
    }
    const std::string fk = std::to_string(from.id), tk = std::to_string(to.id);
    senders.groups[fk] = ReportGroup{fk, from.name, from.country, {}};
    Add(senders.tallies[fk], f, now);
    receivers.groups[tk] = ReportGroup{tk, to.name, to.country, {}};
    Add(receivers.tallies[tk], f, now);
  }
  ReferralReport r;
  r.period = period;
  r.threshold = threshold;
  r.total = Publish(total, threshold);
  r.by_country_pair = Finish(pairs, threshold, true);
  r.by_service = Finish(services, threshold, false);
  r.by_sending_organisation = Finish(senders, threshold, true);
  r.by_receiving_organisation = Finish(receivers, threshold, true);
  return r;
}

}  // namespace trm::domain
