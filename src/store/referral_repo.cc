#include "store/referral_repo.h"

#include <nlohmann/json.hpp>

#include "store/column_values.h"
#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "id, case_id, from_organisation_id, to_organisation_id, status, reason, services, parts, "
    "respond_by, sent_at, answered_at, finished_at, consent_override_by, details, ";

std::string Place(domain::Id id) { return "referrals:" + std::to_string(id) + ":details"; }
std::string EventPlace(domain::Id id, domain::Id referral_id) {
  return "referral_events:" + std::to_string(id) + ":" + std::to_string(referral_id);
}

std::string DetailsJson(const domain::Referral& r) {
  return json{{"summary", r.summary}, {"consent_override_reason", r.consent_override_reason}}.dump();
}

}  // namespace

Result<domain::Id> ReferralRepo::Insert(const domain::Referral& r) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO referrals (case_id, from_organisation_id, "
                               "to_organisation_id, status, reason, services, parts, respond_by, "
                               "sent_at, answered_at, finished_at, consent_override_by, details, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {r.case_id, r.from_organisation_id, r.to_organisation_id,
                    std::string(domain::Name(r.status)), std::string(domain::Name(r.reason)),
                    JoinCodes(r.services), JoinCodes(r.parts), r.respond_by, r.sent_at, r.answered_at,
                    r.finished_at, OptionalId(r.consent_override_by), Blob{}, r.stamp.version,
                    r.stamp.created_by, r.stamp.created_at, r.stamp.updated_by, r.stamp.updated_at}));
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE referrals SET details = ? WHERE id = ?",
                                         {Blob{cipher_.Encrypt(DetailsJson(r), Place(id))}, id}));
  if (n != 1) return Status::Internal("sealing the referral failed");
  return id;
}

Result<domain::Referral> ReferralRepo::FromRow(const Row& row) {
  domain::Referral r;
  r.id = row.Int(0);
  r.case_id = row.Int(1);
  r.from_organisation_id = row.Int(2);
  r.to_organisation_id = row.Int(3);
  auto status = domain::ParseReferralStatus(row.Text(4));
  auto reason = domain::ParseReferralReason(row.Text(5));
  if (!status || !reason) return Status::Internal("referral " + std::to_string(r.id) + " is unreadable");
  r.status = *status;
  r.reason = *reason;
  r.services = SplitCodes(row.Text(6));
  r.parts = SplitCodes(row.Text(7));
  r.respond_by = row.Text(8);
  r.sent_at = row.Int(9);
  r.answered_at = row.Int(10);
  r.finished_at = row.Int(11);
  r.consent_override_by = row.OptInt(12);
  ASSIGN_OR_RETURN(std::string details, cipher_.Decrypt(row.Bytes(13), Place(r.id)));
  json d = json::parse(details, nullptr, false);
  if (!d.is_object()) return Status::Internal("referral details are unreadable");
  r.summary = d.value("summary", "");
  r.consent_override_reason = d.value("consent_override_reason", "");
  r.stamp = ReadStamp(row, 14);
  return r;
}

Result<std::vector<domain::Referral>> ReferralRepo::Select(const std::string& where,
                                                           std::vector<Value> params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM referrals WHERE " + where,
                                          params));
  std::vector<domain::Referral> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto r, FromRow(row));
    out.push_back(std::move(r));
  }
  return out;
}

Result<domain::Referral> ReferralRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(auto rows, Select("id = ?", {id}));
  if (rows.empty()) return Status::NotFound("referral not found");
  return std::move(rows[0]);
}

Result<std::vector<domain::Referral>> ReferralRepo::OfCase(domain::Id case_id) {
  return Select("case_id = ? ORDER BY id", {case_id});
}

Result<std::vector<domain::Referral>> ReferralRepo::Box(domain::Id org, ReferralBox box, int limit) {
  constexpr const char* kOpen = " AND status NOT IN ('declined', 'completed', 'closed', 'withdrawn')";
  switch (box) {
    case ReferralBox::kIncoming:
      // Drafts are the sender's own business.
      return Select(std::string("to_organisation_id = ? AND status <> 'draft'") + kOpen +
                        " ORDER BY respond_by, id LIMIT ?",
                    {org, int64_t{limit}});
    case ReferralBox::kOutgoing:
      return Select(std::string("from_organisation_id = ?") + kOpen + " ORDER BY id DESC LIMIT ?",
                    {org, int64_t{limit}});
    case ReferralBox::kAll:
      return Select("(from_organisation_id = ? OR (to_organisation_id = ? AND status <> 'draft')) "
                    "ORDER BY id DESC LIMIT ?",
                    {org, org, int64_t{limit}});
  }
  return Status::Internal("unknown referral box");
}

Status ReferralRepo::Update(const domain::Referral& r) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE referrals SET status = ?, sent_at = ?, answered_at = ?, finished_at = ?, "
                 "consent_override_by = ?, details = ?, version = ?, updated_by = ?, updated_at = ? "
                 "WHERE id = ? AND version = ?",
                 {std::string(domain::Name(r.status)), r.sent_at, r.answered_at, r.finished_at,
                  OptionalId(r.consent_override_by), Blob{cipher_.Encrypt(DetailsJson(r), Place(r.id))},
                  r.stamp.version, r.stamp.updated_by, r.stamp.updated_at, r.id, r.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the referral was changed by someone else; reload it");
  return Status::Ok();
}

Result<domain::Id> ReferralRepo::AddEvent(const domain::ReferralEvent& e) {
  ASSIGN_OR_RETURN(domain::Id id,
                   conn_.Insert("INSERT INTO referral_events (referral_id, at, actor_id, "
                                "organisation_id, kind, body) VALUES (?, ?, ?, ?, ?, ?)",
                                {e.referral_id, e.at, e.actor_id, e.organisation_id, e.kind, Blob{}}));
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE referral_events SET body = ? WHERE id = ?",
                              {Blob{cipher_.Encrypt(e.text, EventPlace(id, e.referral_id))}, id}));
  if (n != 1) return Status::Internal("sealing the referral event failed");
  return id;
}

Result<std::vector<domain::ReferralEvent>> ReferralRepo::Events(domain::Id referral_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT id, referral_id, at, actor_id, organisation_id, "
                                          "kind, body FROM referral_events WHERE referral_id = ? "
                                          "ORDER BY id",
                                          {referral_id}));
  std::vector<domain::ReferralEvent> out;
  for (const Row& row : rows) {
    domain::ReferralEvent e{row.Int(0), row.Int(1), row.Int(2), row.Int(3), row.Int(4), row.Text(5), ""};
    ASSIGN_OR_RETURN(e.text, cipher_.Decrypt(row.Bytes(6), EventPlace(e.id, e.referral_id)));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace trm::store
