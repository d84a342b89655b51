// The legal forms. Picklist values are ours, in snake_case; each has its label
// in the web catalogues (web/src/i18n/<lang>/legal.json).
#include "domain/legal_forms.h"

#include "domain/form_fields.h"

// The forms below name only the members they set; the rest keep their defaults
// on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace trm::domain {
namespace {

using namespace form_fields;

constexpr SV kProceedingStage[] = {"investigation", "prosecution", "trial", "appeal", "closed"};
constexpr SV kVerdict[] = {"convicted", "acquitted", "dismissed", "withdrawn"};
constexpr SV kClaimType[] = {"labour", "civil", "restitution"};
constexpr SV kClaimHead[] = {"unpaid_wages",  "overtime",     "unlawful_deductions",
                             "severance",     "compensation", "recruitment_fees",
                             "travel_costs",  "other"};
constexpr SV kClaimForum[] = {"labour_office", "labour_court", "civil_court", "criminal_court",
                              "mediation"};
constexpr SV kClaimStatus[] = {"preparing", "filed",     "in_mediation", "awarded", "settled",
                               "appealed",  "dismissed", "withdrawn",    "closed"};
constexpr SV kHearingPurpose[] = {"preliminary", "witness_testimony", "trial", "verdict",
                                  "appeal",      "mediation",         "other"};
constexpr SV kTestimonyMode[] = {"in_person", "video_link", "deposition", "written_statement"};
constexpr SV kHearingOutcome[] = {"held", "adjourned", "postponed", "cancelled", "decided"};
constexpr SV kProtection[] = {"police_protection", "shelter_placement",    "identity_withheld",
                              "separate_waiting_room", "screen_in_court",  "video_link",
                              "closed_hearing",    "escort_to_court",      "relocation",
                              "other"};
constexpr SV kAttendance[] = {"must_stay_in_country", "may_testify_remotely",
                              "may_leave_and_return"};
constexpr SV kStayStatus[] = {"special_visa",   "temporary_stay_permit", "work_permit",
                              "regular_visa",   "application_pending",   "no_permit",
                              "returned_home"};
constexpr SV kDeadlineType[] = {"appeal_window", "filing_limit",  "hearing",       "submission",
                                "payment_due",   "permit_expiry", "other"};

const FormField kProceeding[] = {
    Line("defendant", true),  // against whom
    EntryRef("perpetrator", "perpetrator"),
    Text("charges", true),
    Line("police_reference"),
    Line("prosecutor_reference"),
    Line("court"),
    Line("court_case_number"),
    Date("filed_on"),
    Choice("stage", "proceeding_stage", kProceedingStage, true),
    Choice("verdict", "verdict", kVerdict),
    Date("verdict_on"),
    Text("sentence"),
    Text("notes"),
};
const DateOrder kProceedingDates[] = {{"filed_on", "verdict_on"}};

const FormField kHearing[] = {
    EntryRef("proceeding", "criminal_proceeding"),
    EntryRef("claim", "claim"),
    Date("hearing_on", true),
    Line("court"),
    Choice("purpose", "hearing_purpose", kHearingPurpose, true),
    Flag("victim_testifies"),
    Choice("testimony_mode", "testimony_mode", kTestimonyMode),
    Of(FT::kUser, "lawyer"),
    Choice("outcome", "hearing_outcome", kHearingOutcome),
    Date("next_hearing_on"),
    Text("outcome_notes"),
};
const DateOrder kHearingDates[] = {{"hearing_on", "next_hearing_on"}};
const FieldPair kHearingOf[] = {{"proceeding", "claim"}};

const FormField kClaim[] = {
    Choice("claim_type", "claim_type", kClaimType, true),
    Choices("heads", "claim_head", kClaimHead),
    Line("respondent", true),  // the employer, or the defendant
    Choice("forum", "claim_forum", kClaimForum, true),
    Line("forum_name"),
    Line("reference"),
    Date("filed_on"),
    CurrencyCode("currency", true),
    Amount("amount_claimed", "currency", true),
    Amount("amount_awarded", "currency"),
    Date("decided_on"),
    Choice("status", "claim_status", kClaimStatus, true),
    EntryRef("proceeding", "criminal_proceeding"),  // restitution ordered in a criminal case
    Text("notes"),
};
const DateOrder kClaimDates[] = {{"filed_on", "decided_on"}};

const FormField kWitness[] = {
    Choices("protection_measures", "protection_measure", kProtection),
    Text("protection_details"),
    Choice("attendance", "witness_attendance", kAttendance),
    Choice("stay_status", "stay_status", kStayStatus),
    Line("permit_number"),
    Date("permit_expires_on"),
    Text("notes"),
};

const FormField kDeadline[] = {
    Line("title", true),
    Choice("deadline_type", "deadline_type", kDeadlineType, true),
    Date("due_on", true),
    Of(FT::kUser, "assignee", true),
    Flag("done"),
    EntryRef("proceeding", "criminal_proceeding"),
    EntryRef("claim", "claim"),
    Text("details"),
};

const CaseForm kLegalForms[] = {
    {.kind = "criminal_proceeding", .fields = kProceeding, .date_orders = kProceedingDates},
    {.kind = "hearing",
     .fields = kHearing,
     .date_orders = kHearingDates,
     .either = kHearingOf,
     .assignee_field = "lawyer",
     .due_field = "hearing_on",
     .done_field = "outcome"},
    {.kind = "claim", .fields = kClaim, .date_orders = kClaimDates},
    {.kind = "witness", .multiple = false, .fields = kWitness},
    {.kind = "legal_deadline",
     .fields = kDeadline,
     .assignee_field = "assignee",
     .due_field = "due_on",
     .done_field = "done"},
};

}  // namespace

std::span<const CaseForm> LegalForms() { return kLegalForms; }

}  // namespace trm::domain
