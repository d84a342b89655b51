#include "http/report_routes.h"

#include <cstdio>

namespace trm::http {
namespace {

std::string Hidden(int threshold) { return "<" + std::to_string(threshold); }

json CellJson(const domain::Cell& c, int threshold) {
  return c.suppressed ? json(Hidden(threshold)) : json(c.value);
}

json MedianJson(const std::optional<double>& m) { return m ? json(*m) : json(nullptr); }

json CountsJson(const domain::ReportCounts& c, int k) {
  return json{{"sent", CellJson(c.sent, k)},
              {"accepted", CellJson(c.accepted, k)},
              {"declined", CellJson(c.declined, k)},
              {"completed", CellJson(c.completed, k)},
              {"overdue", CellJson(c.overdue, k)},
              {"median_hours_to_accept", MedianJson(c.median_hours_to_accept)},
              {"median_hours_to_complete", MedianJson(c.median_hours_to_complete)}};
}

json GroupsJson(const std::vector<domain::ReportGroup>& groups, int k, bool with_country) {
  json out = json::array();
  for (const auto& g : groups) {
    json j = CountsJson(g.counts, k);
    j["key"] = g.key;
    j["label"] = g.label;
    if (with_country) j["country"] = g.country;
    out.push_back(std::move(j));
  }
  return out;
}

// A CSV field: quoted when it holds a comma, quote or line break; a leading
// = + - @ or tab is defused with an apostrophe so a spreadsheet never reads
// an organisation's name as a formula.
std::string CsvField(std::string s) {
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CellCsv(const domain::Cell& c, int k) { return c.suppressed ? Hidden(k) : std::to_string(c.value); }

std::string MedianCsv(const std::optional<double>& m) {
  if (!m) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *m);
  return buf;
}

void CsvRow(std::string& out, const char* section, const std::string& key, const std::string& label,
            const std::string& country, const domain::ReportCounts& c, int k) {
  out += std::string(section) + "," + CsvField(key) + "," + CsvField(label) + "," + CsvField(country) + "," +
         CellCsv(c.sent, k) + "," + CellCsv(c.accepted, k) + "," + CellCsv(c.declined, k) + "," +
         CellCsv(c.completed, k) + "," + CellCsv(c.overdue, k) + "," + MedianCsv(c.median_hours_to_accept) +
         "," + MedianCsv(c.median_hours_to_complete) + ",\r\n";
}

// The period and threshold as sent; the service checks them after it has
// checked who asks, so a refused actor learns nothing from the answer. A
// threshold that is not a number is passed as 0, which the service refuses.
Result<domain::ReportPeriod> PeriodFromRequest(const Request& req, int* threshold) {
  RETURN_IF_ERROR(OnlyQueryKeys(req, {"from", "to", "threshold"}));
  domain::ReportPeriod p;
  if (auto it = req.query.find("from"); it != req.query.end()) p.from = it->second;
  if (auto it = req.query.find("to"); it != req.query.end()) p.to = it->second;
  *threshold = domain::kDefaultSuppressionThreshold;
  if (auto it = req.query.find("threshold"); it != req.query.end()) {
    const std::string& s = it->second;
    const bool number = !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string::npos;
    *threshold = number ? std::stoi(s) : 0;
  }
  return p;
}

}  // namespace

json ReferralReportToJson(const domain::ReferralReport& r) {
  const int k = r.threshold;
  json j = {{"period", {{"from", r.period.from}, {"to", r.period.to}}},
            {"threshold", k},
            {"suppressed_as", Hidden(k)},
            {"total", CountsJson(r.total, k)},
            {"by_country_pair", GroupsJson(r.by_country_pair, k, false)},
            {"by_service", GroupsJson(r.by_service, k, false)},
            {"by_sending_organisation", GroupsJson(r.by_sending_organisation, k, true)},
            {"by_receiving_organisation", GroupsJson(r.by_receiving_organisation, k, true)}};
  if (r.repatriations)
    j["repatriations"] = {{"completed", CellJson(r.repatriations->completed, k)},
                          {"median_days", MedianJson(r.repatriations->median_days)}};
  return j;
}

std::string ReferralReportToCsv(const domain::ReferralReport& r) {
  const int k = r.threshold;
  std::string out =
      "section,key,label,country,sent,accepted,declined,completed,overdue,median_hours_to_accept,"
      "median_hours_to_complete,median_days\r\n";
  CsvRow(out, "total", "", "", "", r.total, k);
  for (const auto& g : r.by_country_pair) CsvRow(out, "country_pair", g.key, g.label, "", g.counts, k);
  for (const auto& g : r.by_service) CsvRow(out, "service", g.key, g.label, "", g.counts, k);
  for (const auto& g : r.by_sending_organisation)
    CsvRow(out, "sending_organisation", g.key, g.label, g.country, g.counts, k);
  for (const auto& g : r.by_receiving_organisation)
    CsvRow(out, "receiving_organisation", g.key, g.label, g.country, g.counts, k);
  if (r.repatriations)  // repatriations completed in the period: the count under "completed"
    out += "repatriations,,,,,,," + CellCsv(r.repatriations->completed, k) + ",,,," +
           MedianCsv(r.repatriations->median_days) + "\r\n";
  return out;
}

void AddReportRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::ReportService& reports = app.reports();

  router.Add("GET", "/api/v1/reports/referrals", auth([&reports](Request& req, const Params&, const service::Actor& a) {
    int threshold = 0;
    auto period = PeriodFromRequest(req, &threshold);
    if (!period.ok()) return ErrorResponse(period.status());
    auto report = reports.Referrals(a, *period, threshold);
    if (!report.ok()) return ErrorResponse(report.status());
    return Json(200, ReferralReportToJson(*report));
  }));
  router.Add("GET", "/api/v1/reports/referrals.csv", auth([&reports](Request& req, const Params&, const service::Actor& a) {
    int threshold = 0;
    auto period = PeriodFromRequest(req, &threshold);
    if (!period.ok()) return ErrorResponse(period.status());
    auto report = reports.Referrals(a, *period, threshold);
    if (!report.ok()) return ErrorResponse(report.status());
    Response res;
    res.Set("Content-Type", "text/csv; charset=utf-8");
    res.Set("Content-Disposition",
            "attachment; filename=\"referrals-" + period->from + "-to-" + period->to + ".csv\"");
    res.body = ReferralReportToCsv(*report);
    return res;
  }));
}

}  // namespace trm::http
