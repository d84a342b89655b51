// Consent records, screenings and identification decisions of a case. All
// three are append-only: a withdrawal is a new consent record, a new screening
// or decision is a new row; history is never rewritten.
//
// Each row's personal parts go into `details`, encrypted and bound to
// "<table>:<id>", so a blob copied to another row fails to decrypt.
#pragma once

#include <vector>

#include "crypto/field_cipher.h"
#include "domain/consent.h"
#include "domain/identification.h"
#include "domain/screening.h"
#include "store/sql.h"

namespace trm::store {

class CaseworkRepo {
 public:
  CaseworkRepo(Connection& conn, const crypto::FieldCipher& cipher)
      : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> AddConsent(const domain::ConsentRecord& r, Millis now);
  // Newest first.
  Result<std::vector<domain::ConsentRecord>> Consents(domain::Id case_id);

  Result<domain::Id> AddScreening(const domain::ScreeningRecord& r);
  Result<std::vector<domain::ScreeningRecord>> Screenings(domain::Id case_id);
  // NotFound unless the screening exists and belongs to the case.
  Status CheckScreeningOfCase(domain::Id screening_id, domain::Id case_id);

  Result<domain::Id> AddNoticeReceipt(const domain::NoticeReceipt& r);
  Result<std::vector<domain::NoticeReceipt>> NoticeReceipts(domain::Id case_id);

  Result<domain::Id> AddIdentification(const domain::Identification& i);
  Result<std::vector<domain::Identification>> Identifications(domain::Id case_id);

 private:
  // Inserts with a placeholder, then seals `details` to the new id.
  Result<domain::Id> InsertSealed(const std::string& table, const std::string& insert_sql,
                                  std::vector<Value> params, const std::string& details);
  Result<std::string> Open(const std::string& table, domain::Id id, const std::string& blob);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
