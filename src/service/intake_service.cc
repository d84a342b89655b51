#include "service/intake_service.h"

#include "crypto/crypto.h"
#include "domain/validation.h"
#include "service/case_access.h"
#include "service/policy.h"

namespace trm::service {
namespace {

store::AuditEvent ReportEvent(const Actor& a, Millis at, std::string action, domain::Id id,
                              std::string detail = "") {
  return store::AuditEvent{at,      a.user_id, a.organisation_id, std::move(action), "intake_report",
                           std::to_string(id), a.ip, std::move(detail)};
}

bool SeesReporter(const Actor& a, domain::Id org) {
  return AuthorizeIntake(a, Action::kSeeReporter, org).ok();
}

}  // namespace

Result<ReportView> IntakeService::TakeReport(const Actor& actor, domain::IntakeReport r) {
  RETURN_IF_ERROR(AuthorizeIntake(actor, Action::kTakeReport, actor.organisation_id));
  const Millis now = clock_.Now();
  r.id = 0;
  r.organisation_id = actor.organisation_id;
  if (r.received_at == 0) r.received_at = now;
  if (r.received_at > now + 60 * 1000)
    return Status::InvalidArgument("a report cannot be received in the future", "received_at");
  r.status = domain::ReportStatus::kOpen;
  r.assigned_team.clear();
  r.assigned_organisation_id.reset();
  r.case_id.reset();
  r.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  RETURN_IF_ERROR(domain::ValidateIntakeReport(r));
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(r.id, tx.intake().Insert(r));
    return tx.audit()
        .Append(ReportEvent(actor, now, "intake.report", r.id, std::string(domain::Name(r.urgency))))
        .status();
  });
  if (!s.ok()) return s;
  ReportView v{r, SeesReporter(actor, r.organisation_id)};
  if (!v.reporter_visible) v.report.reporter = {};
  return v;
}

Result<std::vector<ReportView>> IntakeService::Queue(const Actor& actor) {
  RETURN_IF_ERROR(AuthorizeIntake(actor, Action::kViewReports, actor.organisation_id));
  const bool reporter = SeesReporter(actor, actor.organisation_id);
  const Millis now = clock_.Now();
  std::vector<ReportView> out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(auto reports, tx.intake().Queue(actor.organisation_id, reporter));
    for (auto& r : reports) out.push_back(ReportView{std::move(r), reporter});
    return tx.audit().Append(ReportEvent(actor, now, "intake.queue.read", 0)).status();
  }));
  return out;
}

Result<ReportView> IntakeService::Get(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  ReportView v;
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    // Authorise on the report's organisation before decrypting anything.
    ASSIGN_OR_RETURN(domain::IntakeReport shell, tx.intake().Get(id, false));
    RETURN_IF_ERROR(AuthorizeIntake(actor, Action::kViewReports, shell.organisation_id));
    v.reporter_visible = SeesReporter(actor, shell.organisation_id);
    if (v.reporter_visible) {
      ASSIGN_OR_RETURN(v.report, tx.intake().Get(id, true));
    } else {
      v.report = std::move(shell);
    }
    return tx.audit().Append(ReportEvent(actor, now, "intake.read", id)).status();
  });
  if (!s.ok()) return s;
  return v;
}

Result<ReportView> IntakeService::Change(
    const Actor& actor, domain::Id id, int64_t version, Action action,
    const std::function<Status(store::Tx&, domain::IntakeReport&)>& apply,
    const std::string& audit_action) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  ReportView v;
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::IntakeReport r, tx.intake().Get(id, false));
    RETURN_IF_ERROR(AuthorizeIntake(actor, action, r.organisation_id));
    if (r.stamp.version != version)
      return Status::Conflict("the report was changed by someone else (now version " +
                              std::to_string(r.stamp.version) + "); reload it");
    RETURN_IF_ERROR(apply(tx, r));
    r.stamp.version += 1;
    r.stamp.updated_by = actor.user_id;
    r.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.intake().UpdateHandling(r));
    RETURN_IF_ERROR(tx.audit().Append(ReportEvent(actor, now, audit_action, id)).status());
    v.reporter_visible = SeesReporter(actor, r.organisation_id);
    if (v.reporter_visible) {
      ASSIGN_OR_RETURN(v.report, tx.intake().Get(id, true));
    } else {
      v.report = std::move(r);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return v;
}

Result<ReportView> IntakeService::Assign(const Actor& actor, domain::Id id, int64_t version,
                                         const std::string& team,
                                         std::optional<domain::Id> agency) {
  return Change(
      actor, id, version, Action::kAssignReport,
      [&](store::Tx& tx, domain::IntakeReport& r) -> Status {
        if (r.status == domain::ReportStatus::kLinked)
          return Status::FailedPrecondition("the report is already linked to a case");
        if (team.empty() && !agency)
          return Status::InvalidArgument("name a mobile team or an agency", "team");
        if (agency && !tx.orgs().Get(*agency).ok())
          return Status::InvalidArgument("no such organisation", "organisation_id");
        r.assigned_team = team;
        r.assigned_organisation_id = agency;
        r.status = domain::ReportStatus::kAssigned;
        return domain::ValidateIntakeReport(r);
      },
      "intake.assign");
}

Result<ReportView> IntakeService::Link(const Actor& actor, domain::Id id, int64_t version,
                                       domain::Id case_id) {
  return Change(
      actor, id, version, Action::kLinkReport,
      [&](store::Tx& tx, domain::IntakeReport& r) -> Status {
        if (r.status == domain::ReportStatus::kLinked)
          return Status::FailedPrecondition("the report is already linked to a case");
        auto c = LoadCaseFor(tx, actor, case_id, Action::kEditCase);
        if (!c.ok())
          return Status::InvalidArgument("the case must be one you can change", "case_id");
        r.case_id = case_id;
        r.status = domain::ReportStatus::kLinked;
        return Status::Ok();
      },
      "intake.link");
}

Result<ReportAndCase> IntakeService::CreateCase(const Actor& actor, domain::Id id,
                                                int64_t version, const NewCase& input) {
  // Refusals that need no data are answered before the writer is asked.
  RETURN_IF_ERROR(Authorize(actor, Action::kCreateCase));
  const Millis now = clock_.Now();
  Result<CaseView> created = Status::Internal("case was not created");
  auto report = Change(
      actor, id, version, Action::kLinkReport,
      [&](store::Tx& tx, domain::IntakeReport& r) -> Status {
        if (r.status == domain::ReportStatus::kLinked)
          return Status::FailedPrecondition("the report is already linked to a case");
        created = CreateCaseInTx(tx, actor, input, now);
        if (!created.ok()) return created.status();
        r.case_id = created->c.id;
        r.status = domain::ReportStatus::kLinked;
        return Status::Ok();
      },
      "intake.create_case");
  if (!report.ok()) return report.status();
  return ReportAndCase{std::move(*report), std::move(*created)};
}

Result<domain::IntakeReport> IntakeService::TakePublicReport(domain::Id organisation_id,
                                                             const PublicReport& in) {
  const Millis now = clock_.Now();
  domain::IntakeReport r;
  r.organisation_id = organisation_id;
  r.channel = domain::IntakeChannel::kWebForm;
  r.received_at = now;
  r.language = in.language;
  r.location = in.location;
  r.location_country = in.location_country;
  r.what_happened = in.what_happened;
  r.urgency = in.urgency;
  r.people_count = in.people_count;
  // The public describes the people at risk in words; the duty officer turns
  // that into reported persons when they work the report.
  domain::ReportedPerson at_risk;
  at_risk.description = in.who_is_at_risk;
  at_risk.child = in.children;
  r.persons = {at_risk};
  r.reporter.name = in.contact_name;
  r.reporter.contact = in.contact_details;
  r.reporter.relationship = "member of the public (web form)";
  r.reporter.anonymous = in.contact_name.empty() && in.contact_details.empty();
  r.receipt = domain::MakeReceipt(crypto::Random8());
  r.stamp = domain::Stamp{1, 0, now, 0, now};  // no user: the public
  // Checked under the names the form uses before the report's own checks.
  RETURN_IF_ERROR(domain::CheckText(in.who_is_at_risk, "who_is_at_risk", 2000,
                                    domain::TextKind::kMultiline));
  RETURN_IF_ERROR(domain::CheckText(in.contact_name, "contact.name", 200));
  RETURN_IF_ERROR(domain::CheckText(in.contact_details, "contact.details", 200));
  RETURN_IF_ERROR(domain::ValidateIntakeReport(r));
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    if (!tx.orgs().Get(organisation_id).ok())
      return Status::Unavailable("public reporting is not set up on this server");
    ASSIGN_OR_RETURN(r.id, tx.intake().Insert(r));
    // No address in the audit row either: the form promises to keep only
    // what was sent.
    return tx.audit()
        .Append(store::AuditEvent{now, std::nullopt, organisation_id, "intake.public_report",
                                  "intake_report", std::to_string(r.id), "public",
                                  std::string(domain::Name(r.urgency))})
        .status();
  });
  if (!s.ok()) return s;
  return r;
}

}  // namespace trm::service
