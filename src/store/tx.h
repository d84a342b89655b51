// Tx: the repositories over one connection, handed to a use case inside its
// transaction (or savepoint, under group commit).
#pragma once

#include "crypto/field_cipher.h"
#include "store/audit_log.h"
#include "store/case_entry_repo.h"
#include "store/case_repo.h"
#include "store/casework_repo.h"
#include "store/directory_repo.h"
#include "store/intake_repo.h"
#include "store/library_repo.h"
#include "store/org_repo.h"
#include "store/payment_repo.h"
#include "store/person_link_repo.h"
#include "store/referral_case_repo.h"
#include "store/referral_repo.h"
#include "store/register_repo.h"
#include "store/repatriation_repo.h"
#include "store/report_repo.h"
#include "store/session_repo.h"
#include "store/sql.h"
#include "store/tracing_repo.h"
#include "store/user_repo.h"

namespace trm::store {

// The repositories over one connection (inside a transaction for Write).
class Tx {
 public:
  Tx(Connection& conn, const crypto::FieldCipher& cipher)
      : conn_(conn), orgs_(conn), users_(conn), sessions_(conn), cases_(conn, cipher),
        casework_(conn, cipher), intake_(conn, cipher), entries_(conn, cipher),
        referrals_(conn, cipher), directory_(conn), audit_(conn), repatriations_(conn, cipher),
        payments_(conn, cipher), library_(conn), reports_(conn), referral_cases_(conn),
        register_entries_(conn, cipher), person_links_(conn, cipher),
        tracing_(conn, cipher) {}

  OrgRepo& orgs() {
    touched_ = true;
    return orgs_;
  }
  UserRepo& users() {
    touched_ = true;
    return users_;
  }
  SessionRepo& sessions() {
    touched_ = true;
    return sessions_;
  }
  CaseRepo& cases() {
    touched_ = true;
    return cases_;
  }
  CaseworkRepo& casework() {
    touched_ = true;
    return casework_;
  }
  IntakeRepo& intake() {
    touched_ = true;
    return intake_;
  }
  CaseEntryRepo& entries() {
    touched_ = true;
    return entries_;
  }
  ReferralRepo& referrals() {
    touched_ = true;
    return referrals_;
  }
  DirectoryRepo& directory() {
    touched_ = true;
    return directory_;
  }
  AuditLog& audit() { return audit_; }
  RepatriationRepo& repatriations() {
    touched_ = true;
    return repatriations_;
  }
  PaymentRepo& payments() {
    touched_ = true;
    return payments_;
  }
  LibraryRepo& library() {
    touched_ = true;
    return library_;
  }
  ReportRepo& reports() {
    touched_ = true;
    return reports_;
  }
  ReferralCaseRepo& referral_cases() {
    touched_ = true;
    return referral_cases_;
  }
  RegisterRepo& register_entries() {
    touched_ = true;
    return register_entries_;
  }
  PersonLinkRepo& person_links() {
    touched_ = true;
    return person_links_;
  }
  TracingRepo& tracing() {
    touched_ = true;
    return tracing_;
  }
  Connection& connection() {
    touched_ = true;
    return conn_;
  }

  // Whether the use case reached anything but the audit log (any repository,
  // or the connection itself). A write that did may have changed what reads
  // answer; one that only appended audit rows did not (Store::Generation).
  bool touched_records() const { return touched_; }

 private:
  Connection& conn_;
  OrgRepo orgs_;
  UserRepo users_;
  SessionRepo sessions_;
  CaseRepo cases_;
  CaseworkRepo casework_;
  IntakeRepo intake_;
  CaseEntryRepo entries_;
  ReferralRepo referrals_;
  DirectoryRepo directory_;
  AuditLog audit_;
  RepatriationRepo repatriations_;
  PaymentRepo payments_;
  LibraryRepo library_;
  ReportRepo reports_;
  ReferralCaseRepo referral_cases_;
  RegisterRepo register_entries_;
  PersonLinkRepo person_links_;
  TracingRepo tracing_;
  bool touched_ = false;
};

}  // namespace trm::store
