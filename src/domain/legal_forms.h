// The legal side of a case as case entry forms (domain/case_form.h):
// criminal proceedings, hearings, labour and civil claims with their amounts,
// the victim as witness, and legal deadlines. They are sealed, versioned and
// audited like every case entry. Payments against a claim are not entries:
// another organisation confirms them (domain/legal_payment.h).
//
// Deadlines and hearings carry an assignee, a due date and a done mark, so
// they are listed in the assignee's "My tasks" with the other tasks.
#pragma once

#include <span>

#include "domain/case_form.h"

namespace trm::domain {

// criminal_proceeding, hearing, claim, witness, legal_deadline (CaseForms()
// lists them after the casework forms).
std::span<const CaseForm> LegalForms();

}  // namespace trm::domain
