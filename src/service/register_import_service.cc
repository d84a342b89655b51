#include "service/register_import_service.h"

#include "domain/register_csv.h"
#include "service/policy.h"
#include "service/register_service.h"
#include "service/register_view.h"

namespace trm::service {
namespace {

using domain::ImportAction;

store::AuditEvent ImportEvent(const Actor& a, Millis at, std::string action, std::string record_id,
                              std::string detail) {
  return store::AuditEvent{at, a.user_id, a.organisation_id, std::move(action), "register_entry",
                           std::move(record_id), a.ip, std::move(detail)};
}

// The plan for `csv` against the register as it is in `tx`.
Result<ImportReport> Plan(store::Tx& tx, const Actor& actor, const std::string& csv, const std::string& reason,
                          const std::string& today) {
  ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
  RETURN_IF_ERROR(AuthorizeRegister(actor, org.type, RegisterAccess::kEdit));
  RETURN_IF_ERROR(domain::CheckRegisterReason(reason));
  ASSIGN_OR_RETURN(auto rows, domain::ReadImportFile(csv, reason));
  for (auto& row : rows)
    if (row.error.ok() && row.entry.status_date > today)
      row.error = Status::InvalidArgument("status_date may not be in the future", "status_date");
  ASSIGN_OR_RETURN(auto existing, tx.register_entries().List());
  ImportReport report;
  for (auto& step : domain::PlanImport(rows, existing)) {
    ImportStepView v;
    if (!step.result.details.names.empty()) v.name = step.result.details.names.front();
    for (const auto& e : existing)
      if (e.id == step.entry_id) {
        v.from_status = e.status;
        if (v.name.empty()) v.name = e.details.names.front();
      }
    switch (step.action) {
      case ImportAction::kCreate: ++report.created; break;
      case ImportAction::kUpdate: ++report.updated; break;
      case ImportAction::kUnchanged: ++report.unchanged; break;
      case ImportAction::kRejected: ++report.rejected; break;
    }
    v.step = std::move(step);
    report.steps.push_back(std::move(v));
  }
  return report;
}

// Creates or updates the step's entry with its history line and audit row.
Status Run(store::Tx& tx, const Actor& actor, ImportStepView& v, Millis now) {
  domain::ImportStep& s = v.step;
  domain::RegisterEntry& e = s.result;
  domain::RegisterHistory h{0, 0, now, actor.user_id, "import", v.from_status, e.status, e.status_date,
                            e.source, s.reason};
  if (s.action == ImportAction::kCreate) {
    e.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
    ASSIGN_OR_RETURN(e.id, tx.register_entries().Insert(e));
    s.entry_id = e.id;
  } else {
    e.stamp.version += 1;
    e.stamp.updated_by = actor.user_id;
    e.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.register_entries().Update(e));
  }
  h.entry_id = e.id;
  ASSIGN_OR_RETURN(domain::Id hid, tx.register_entries().AddHistory(h));
  std::string detail = std::string(s.action == ImportAction::kCreate ? "created" : "updated") + " from line " +
                       std::to_string(s.line) + ", history " + std::to_string(hid);
  if (v.from_status && *v.from_status != e.status)
    detail += ", " + std::string(domain::Name(*v.from_status)) + " -> " + std::string(domain::Name(e.status));
  return tx.audit().Append(ImportEvent(actor, now, "register.import", std::to_string(e.id), detail)).status();
}

}  // namespace

Result<ImportReport> RegisterImportService::Preview(const Actor& actor, const std::string& csv,
                                                    const std::string& reason) {
  const std::string today = FormatDate(clock_.Now());
  Result<ImportReport> out = Status::Internal("the import was not previewed");
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out = Plan(tx, actor, csv, reason, today);
    return out.status();
  }));
  return out;
}

Result<ImportReport> RegisterImportService::Apply(const Actor& actor, const std::string& csv,
                                                  const std::string& reason) {
  const Millis now = clock_.Now();
  Result<ImportReport> out = Status::Internal("the import was not applied");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(ImportReport report, Plan(tx, actor, csv, reason, FormatDate(now)));
    if (report.rejected > 0) {
      std::string lines;
      int listed = 0;
      for (const auto& v : report.steps)
        if (v.step.action == ImportAction::kRejected && listed++ < 3)
          lines += "; line " + std::to_string(v.step.line) + ": " + v.step.error.message();
      return Status::FailedPrecondition(std::to_string(report.rejected) +
                                            " row(s) rejected, nothing imported" + lines,
                                        "csv");
    }
    for (auto& v : report.steps)
      if (v.step.action == ImportAction::kCreate || v.step.action == ImportAction::kUpdate)
        RETURN_IF_ERROR(Run(tx, actor, v, now));
    out = std::move(report);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::string> RegisterImportService::Export(const Actor& actor) {
  const Millis now = clock_.Now();
  std::string csv = domain::ExportHeader();
  bool details = false;
  size_t count = 0;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(RegisterAccess level, AccessIn(tx, actor));
    details = level != RegisterAccess::kCheck;
    ASSIGN_OR_RETURN(auto entries, tx.register_entries().List());
    for (const auto& e : entries) csv += domain::ExportLine(e, details);
    count = entries.size();
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(ImportEvent(actor, now, "register.export", "",
                            std::to_string(count) + " entries, " + (details ? "with details" : "public part")))
        .status();
  }));
  return csv;
}

}  // namespace trm::service
