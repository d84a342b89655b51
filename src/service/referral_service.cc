#include "service/referral_service.h"

#include <algorithm>

#include "domain/consent.h"
#include "domain/validation.h"
#include "service/case_access.h"
#include "service/names.h"
#include "service/policy.h"

namespace trm::service {
namespace {

using domain::ReferralAction;
using domain::ReferralStatus;

constexpr size_t kNoteMax = 4000;
constexpr int kBoxLimit = 500;

store::AuditEvent ReferralEvent(const Actor& a, Millis at, std::string action, domain::Id id,
                                std::string detail = "") {
  return store::AuditEvent{at, a.user_id, a.organisation_id, std::move(action), "referral",
                           std::to_string(id), a.ip, std::move(detail)};
}

// Which side the actor acts for. The sending side reaches a referral only
// through its case (so the case policy decides); the receiving side through
// AuthorizeReceiving, and never sees drafts. Anyone else: NotFound.
struct Side {
  bool sender = false;
  std::optional<domain::Case> sender_case;
};
Result<Side> SideOf(store::Tx& tx, const Actor& actor, const domain::Referral& r, bool change) {
  if (actor.organisation_id == r.from_organisation_id) {
    auto c = LoadCaseFor(tx, actor, r.case_id, change ? Action::kEditCase : Action::kViewCase);
    if (!c.ok()) {
      if (c.status().code() == Code::kNotFound) return Status::NotFound("referral not found");
      return c.status();
    }
    return Side{true, std::move(*c)};
  }
  if (r.status == ReferralStatus::kDraft) return Status::NotFound("referral not found");
  RETURN_IF_ERROR(AuthorizeReceiving(actor, r.to_organisation_id, change));
  return Side{false, std::nullopt};
}

// Consent to referral covering the recipient, and to cross-border disclosure
// when the recipient is in another country than the case's organisation.
struct Gate {
  Status status;
  bool any_deciding_record = false;  // a record decided "no" (refused, withdrawn, expired)
};
Result<Gate> ConsentGate(store::Tx& tx, Names& names, const domain::Referral& r, Millis now) {
  ASSIGN_OR_RETURN(domain::Organisation from, names.Org(r.from_organisation_id));
  ASSIGN_OR_RETURN(domain::Organisation to, names.Org(r.to_organisation_id));
  ASSIGN_OR_RETURN(auto records, tx.casework().Consents(r.case_id));
  const domain::Recipient recipient{to.id, to.country};
  Gate gate{Status::Ok()};
  std::vector<domain::ConsentPurpose> needed{domain::ConsentPurpose::kReferral};
  if (to.country != from.country) needed.push_back(domain::ConsentPurpose::kCrossBorderDisclosure);
  std::string missing;
  for (auto purpose : needed) {
    domain::ConsentAnswer a = domain::ConsentCovers(records, purpose, recipient, now);
    if (a.covered) continue;
    gate.any_deciding_record = gate.any_deciding_record || a.deciding_record.has_value();
    missing += (missing.empty() ? "" : "; ") + std::string(domain::Name(purpose)) + ": " + a.reason;
  }
  if (!missing.empty())
    gate.status = Status::FailedPrecondition("the person's consent does not cover this referral (" +
                                             missing + ")");
  return gate;
}

// Consent withdrawn or expired since sending stops sharing at once. An
// override stands only while no record says no.
Status StillCovered(store::Tx& tx, Names& names, const domain::Referral& r, Millis now) {
  ASSIGN_OR_RETURN(Gate gate, ConsentGate(tx, names, r, now));
  if (!gate.status.ok() && (!r.consent_override_by || gate.any_deciding_record))
    return Status::FailedPrecondition("consent no longer covers sharing with your organisation: " +
                                      gate.status.message());
  return Status::Ok();
}

Result<ReferralView> ViewOf(store::Tx& tx, Names& names, domain::Referral r, bool sender,
                            const std::string& today) {
  ReferralView v;
  ASSIGN_OR_RETURN(domain::Organisation from, names.Org(r.from_organisation_id));
  ASSIGN_OR_RETURN(domain::Organisation to, names.Org(r.to_organisation_id));
  v.from_organisation_name = from.name;
  v.from_country = from.country;
  v.to_organisation_name = to.name;
  v.to_country = to.country;
  if (r.consent_override_by) {
    ASSIGN_OR_RETURN(v.consent_override_by_name, names.User(*r.consent_override_by));
  }
  if (sender) {
    ASSIGN_OR_RETURN(domain::Case c, tx.cases().Get(r.case_id));
    v.case_reference = c.reference;
  }
  if (!sender) {
    ASSIGN_OR_RETURN(auto link, tx.referral_cases().Find(r.id));
    if (link) {
      ASSIGN_OR_RETURN(domain::Case own, tx.cases().Get(link->case_id));
      v.receiver_case_id = own.id;
      v.receiver_case_reference = own.reference;
    }
  }
  v.overdue = domain::IsOverdue(r, today);
  v.sender_side = sender;
  v.referral = std::move(r);
  return v;
}

Status CheckNote(const std::string& text, const char* field, bool required) {
  RETURN_IF_ERROR(domain::CheckText(text, field, kNoteMax, domain::TextKind::kMultiline));
  if (required && domain::IsBlank(text))
    return Status::InvalidArgument(std::string(field) + " is required for this step", field);
  return Status::Ok();
}

}  // namespace

Result<ReferralView> ReferralService::Create(const Actor& actor, domain::Id case_id,
                                             const NewReferral& in) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  domain::Referral r;
  r.case_id = case_id;
  r.from_organisation_id = actor.organisation_id;
  r.to_organisation_id = in.to_organisation_id;
  r.reason = in.reason;
  r.services = in.services;
  r.parts = in.parts ? *in.parts : domain::DefaultParts(in.services);
  r.summary = in.summary;
  r.respond_by = in.respond_by;
  r.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  Result<ReferralView> out = Status::Internal("referral was not created");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    if (c.owner_organisation_id != actor.organisation_id)
      return Status::PermissionDenied("only the organisation that owns the case refers it");
    if (c.status == domain::CaseStatus::kClosed)
      return Status::FailedPrecondition("the case is closed; reopen it to refer the person");
    RETURN_IF_ERROR(domain::ValidateReferral(r, today));
    if (!tx.orgs().Get(r.to_organisation_id).ok())
      return Status::InvalidArgument("no such organisation", "to_organisation_id");
    ASSIGN_OR_RETURN(r.id, tx.referrals().Insert(r));
    RETURN_IF_ERROR(tx.referrals()
                        .AddEvent({0, r.id, now, actor.user_id, actor.organisation_id, "create", ""})
                        .status());
    RETURN_IF_ERROR(tx.audit()
                        .Append(ReferralEvent(actor, now, "referral.create", r.id,
                                              "case " + std::to_string(case_id) + " to organisation " +
                                                  std::to_string(r.to_organisation_id)))
                        .status());
    Names names(tx);
    out = ViewOf(tx, names, r, true, today);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<ReferralView>> ReferralService::OfCase(const Actor& actor, domain::Id case_id) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  std::vector<ReferralView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto list, tx.referrals().OfCase(case_id));
    Names names(tx);
    for (auto& r : list) {
      ASSIGN_OR_RETURN(auto v, ViewOf(tx, names, std::move(r), true, today));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<ReferralView>> ReferralService::Inbox(const Actor& actor, store::ReferralBox box,
                                                         bool overdue_only) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  std::vector<ReferralView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    const bool receives = AuthorizeReceiving(actor, actor.organisation_id, false).ok();
    if (!receives && !CanWorkCases(actor.role))
      return Status::PermissionDenied("your role does not handle referrals");
    ASSIGN_OR_RETURN(auto list, tx.referrals().Box(actor.organisation_id, box, kBoxLimit));
    Names names(tx);
    for (auto& r : list) {
      // Each row shown only to those its side allows (outgoing ones through
      // their case, so a case worker sees the referrals of their own cases).
      auto side = SideOf(tx, actor, r, false);
      if (!side.ok()) continue;
      if (overdue_only && !domain::IsOverdue(r, today)) continue;
      ASSIGN_OR_RETURN(auto v, ViewOf(tx, names, std::move(r), side->sender, today));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<ReferralView> ReferralService::Get(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<ReferralView> out = Status::Internal("referral was not read");
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Referral r, tx.referrals().Get(id));
    ASSIGN_OR_RETURN(Side side, SideOf(tx, actor, r, false));
    Names names(tx);
    ASSIGN_OR_RETURN(ReferralView v, ViewOf(tx, names, std::move(r), side.sender, today));
    ASSIGN_OR_RETURN(auto events, tx.referrals().Events(id));
    for (auto& e : events) {
      ReferralEventView ev;
      ASSIGN_OR_RETURN(ev.actor_name, names.User(e.actor_id));
      ASSIGN_OR_RETURN(domain::Organisation o, names.Org(e.organisation_id));
      ev.organisation_name = o.name;
      ev.event = std::move(e);
      v.timeline.push_back(std::move(ev));
    }
    out = std::move(v);
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(ReferralEvent(actor, now, "referral.read", id)).status();
  }));
  return out;
}

Result<ReferralView> ReferralService::Act(const Actor& actor, domain::Id id, int64_t version,
                                          ReferralAction action, const std::string& note,
                                          const std::string& override_reason) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  RETURN_IF_ERROR(CheckNote(note, "note", domain::NeedsNote(action)));
  if (!override_reason.empty() && action != ReferralAction::kSend)
    return Status::InvalidArgument("a consent override belongs to sending only", "override_reason");
  RETURN_IF_ERROR(CheckNote(override_reason, "override_reason", false));
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<ReferralView> out = Status::Internal("referral was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Referral r, tx.referrals().Get(id));
    ASSIGN_OR_RETURN(Side side, SideOf(tx, actor, r, true));
    // A stale version first: the screen the actor saw is out of date, whatever
    // the step would have been.
    if (r.stamp.version != version)
      return Status::Conflict("the referral was changed by someone else; reload it");
    ASSIGN_OR_RETURN(domain::ReferralTransition t, domain::FindTransition(r.status, action));
    if (t.side == domain::ReferralSide::kSender && !side.sender)
      return Status::PermissionDenied("only the sending organisation may " + std::string(domain::Name(action)));
    if (t.side == domain::ReferralSide::kReceiver && side.sender)
      return Status::PermissionDenied("only the receiving organisation may " + std::string(domain::Name(action)));
    Names names(tx);
    if (action == ReferralAction::kSend) {
      ASSIGN_OR_RETURN(Gate gate, ConsentGate(tx, names, r, now));
      if (!gate.status.ok()) {
        if (domain::IsBlank(override_reason)) return gate.status;
        RETURN_IF_ERROR(AuthorizeConsentOverride(actor, FactsOf(*side.sender_case, {})));
        r.consent_override_by = actor.user_id;
        r.consent_override_reason = override_reason;
        RETURN_IF_ERROR(tx.audit()
                            .Append(ReferralEvent(actor, now, "referral.consent_override", r.id,
                                                  gate.status.message()))
                            .status());
      } else if (!override_reason.empty()) {
        return Status::InvalidArgument("consent covers this referral; no override is needed",
                                       "override_reason");
      }
      r.sent_at = now;
    }
    if (action == ReferralAction::kAccept || action == ReferralAction::kDecline) r.answered_at = now;
    r.status = t.to;
    if (domain::IsFinished(r.status)) r.finished_at = now;
    r.stamp.version = version + 1;
    r.stamp.updated_by = actor.user_id;
    r.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.referrals().Update(r));
    std::string text = note;
    if (r.consent_override_by == actor.user_id && action == ReferralAction::kSend)
      text = "Sent without covering consent. Reason: " + override_reason + (note.empty() ? "" : "\n" + note);
    RETURN_IF_ERROR(tx.referrals()
                        .AddEvent({0, r.id, now, actor.user_id, actor.organisation_id,
                                   std::string(domain::Name(action)), text})
                        .status());
    RETURN_IF_ERROR(tx.audit()
                        .Append(ReferralEvent(actor, now, "referral." + std::string(domain::Name(action)),
                                              r.id, std::string(domain::Name(r.status))))
                        .status());
    out = ViewOf(tx, names, std::move(r), side.sender, today);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<ReferralView> ReferralService::Message(const Actor& actor, domain::Id id,
                                              const std::string& text) {
  RETURN_IF_ERROR(CheckNote(text, "text", true));
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<ReferralView> out = Status::Internal("message was not kept");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Referral r, tx.referrals().Get(id));
    ASSIGN_OR_RETURN(Side side, SideOf(tx, actor, r, true));
    if (r.status == ReferralStatus::kDraft)
      return Status::FailedPrecondition("send the referral before writing to the receiver");
    RETURN_IF_ERROR(
        tx.referrals().AddEvent({0, id, now, actor.user_id, actor.organisation_id, "message", text}).status());
    RETURN_IF_ERROR(tx.audit().Append(ReferralEvent(actor, now, "referral.message", id)).status());
    Names names(tx);
    out = ViewOf(tx, names, std::move(r), side.sender, today);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<SharedCase> ReferralService::Shared(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  SharedCase out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Referral r, tx.referrals().Get(id));
    ASSIGN_OR_RETURN(Side side, SideOf(tx, actor, r, false));
    Names names(tx);
    if (!side.sender) {
      if (r.status != ReferralStatus::kAccepted && r.status != ReferralStatus::kInProgress)
        return Status::FailedPrecondition(
            r.status == ReferralStatus::kSent
                ? "the shared parts open once your organisation accepts the referral"
                : "this referral is no longer active; its shared parts are closed");
      RETURN_IF_ERROR(StillCovered(tx, names, r, now));
    }
    ASSIGN_OR_RETURN(domain::Case c, tx.cases().Get(r.case_id));
    for (const std::string& part : r.parts) {
      if (part == "person") {
        out.person = c.person;
      } else if (part == "identification") {
        ASSIGN_OR_RETURN(out.identifications, tx.casework().Identifications(r.case_id));
      } else {
        ASSIGN_OR_RETURN(auto entries, tx.entries().List(r.case_id, part));
        for (auto& e : entries) {
          if (e.index.confidential) continue;  // confidential notes never travel
          EntryView v;
          ASSIGN_OR_RETURN(v.created_by_name, names.User(e.stamp.created_by));
          ASSIGN_OR_RETURN(v.updated_by_name, names.User(e.stamp.updated_by));
          v.entry = std::move(e);
          out.entries.push_back(std::move(v));
        }
      }
    }
    out.referral = std::move(r);
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(ReferralEvent(actor, now, "referral.shared.read", id)).status();
  }));
  return out;
}

Result<CaseView> ReferralService::OpenReceiverCase(const Actor& actor, domain::Id id,
                                                  std::optional<domain::Id> assignee_id) {
  const Millis now = clock_.Now();
  Result<CaseView> out = Status::Internal("case was not opened");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Referral r, tx.referrals().Get(id));
    ASSIGN_OR_RETURN(Side side, SideOf(tx, actor, r, true));
    if (side.sender)
      return Status::PermissionDenied("the receiving organisation opens its own case; yours is the referred case");
    RETURN_IF_ERROR(AuthorizeReceiverCase(actor, r.to_organisation_id));
    ASSIGN_OR_RETURN(auto link, tx.referral_cases().Find(id));
    if (link) return Status::Conflict("your organisation has already opened its case from this referral");
    if (r.status != ReferralStatus::kAccepted && r.status != ReferralStatus::kInProgress)
      return Status::FailedPrecondition("a case is opened from a referral that is accepted or in progress");
    Names names(tx);
    RETURN_IF_ERROR(StillCovered(tx, names, r, now));
    if (std::find(r.parts.begin(), r.parts.end(), "person") == r.parts.end())
      return Status::FailedPrecondition("the referral does not share the person; ask the sender to share it");
    // Only the person travels: what else was shared stays readable through
    // the referral, and the receiver records its own work in its own case.
    ASSIGN_OR_RETURN(domain::Case referred, tx.cases().Get(r.case_id));
    ASSIGN_OR_RETURN(CaseView created, CreateCaseInTx(tx, actor, NewCase{referred.person, assignee_id}, now));
    RETURN_IF_ERROR(tx.referral_cases().Insert(
        {id, created.c.id, actor.organisation_id, domain::Stamp{1, actor.user_id, now, actor.user_id, now}}));
    RETURN_IF_ERROR(tx.audit()
                        .Append(ReferralEvent(actor, now, "referral.receiver_case", id,
                                              "case " + std::to_string(created.c.id)))
                        .status());
    out = std::move(created);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace trm::service
