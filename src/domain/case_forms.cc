// The case entry forms. Picklist values are HTCDS v2 names where the standard
// has the field (prs_, vic_, per_, hte_, spl_); the rest are ours, in
// snake_case. Adding a field or a value is adding a row here and its label in
// the web catalogues (tests/api/case_forms.test.mjs checks every label exists).
#include "domain/case_form.h"

#include <vector>

#include "domain/form_fields.h"
#include "domain/legal_forms.h"

// The forms below name only the members they set; the rest keep their defaults
// on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace trm::domain {
namespace {

using namespace form_fields;

// --- HTCDS picklists --------------------------------------------------------
constexpr SV kEducation[] = {"EarlyChildhoodEducation",      "PrimaryEducation",
                             "LowerSecondaryEducation",      "UpperSecondaryEducation",
                             "PostSecondaryNonTertiaryEducation", "ShortCycleTertiaryEducation",
                             "BachelorsOrEquivalentLevel",   "MastersOrEquivalentLevel",
                             "DoctoralOrEquivalentLevel"};
constexpr SV kRelationship[] = {"Familial", "Acquainted", "Unaquainted"};  // HTCDS spelling
constexpr SV kApps[] = {"Facebook", "Instagram", "WhatsApp", "Telegram", "FacebookMessenger",
                        "Viber",    "SnapChat",  "Line",     "4Sale",    "WeChat",
                        "QQ",       "QZone",     "TikTok",   "Twitter",  "Other"};
constexpr SV kRecruitment[] = {"AtAPlaceOfBusiness",          "AtAnEducationalInstitution",
                               "AtWork",                      "ThroughOnlineSocialNetworks",
                               "ThroughAnOnlineAdvertisement", "ThroughATelevisionAdvert",
                               "ThroughANewspaperAdvert",     "ThroughFamilyOrFamilyEvents",
                               "ThroughFriendsOrSocialEvents", "Other"};
constexpr SV kControl[] = {"PhysicalThreats",   "ThreatsLawEnforcement",    "ThreatensChildrenFamily",
                           "DebtBondage",       "FalsePromises",            "PhysicalAbuse",
                           "SexualAbuse",       "TakesEarnings",            "RestrictsFinancialAccess",
                           "RestrictsMedicalCare", "WithholdsNecessities",  "PsychologicalAbuse",
                           "PsychoactiveSubstance", "ExcessiveWorkingHours", "WithholdsDocuments",
                           "Other"};
constexpr SV kExploitation[] = {"ForcedLabour",   "SexualExploitation",
                                "ChildLabour",    "ForcedMarriage",
                                "Servitude",      "ForcedMilitaryByNonStateActors",
                                "OrganRemoval",   "ForcedBegging",
                                "ForcedAdoption", "Surrogacy",
                                "Other"};
constexpr SV kSexExploitation[] = {"Prostitution", "Pornography", "RemoteInteractiveServices",
                                   "PrivateSexualServices"};
constexpr SV kIndustry[] = {"A_AgricultureForestryAndFishing",
                            "B_MiningAndQuarrying",
                            "C_Manufacturing",
                            "D_ElectricityGasSteamAndAirConditioningSupply",
                            "E_WaterSupplySewerageWasteManagement",
                            "F_Construction",
                            "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
                            "H_TransportationAndStorage",
                            "I_AccommodationAndFoodServiceActivities",
                            "J_InformationAndCommunication",
                            "K_FinancialAndInsuranceActivities",
                            "L_RealEstateActivities",
                            "M_ProfessionalScientificAndTechnicalActivities",
                            "N_AdministrativeAndSupportServiceActivities",
                            "O_PublicAdministrationAndDefence",
                            "P_Education",
                            "Q_HumanHealthAndSocialWorkActivities",
                            "R_ArtsEntertainmentAndRecreation",
                            "S_OtherServiceActivities",
                            "T_ActivitiesOfHouseholdsAsEmployers",
                            "U_ActivitiesOfExtraterritorialOrganizations"};
constexpr SV kEventType[] = {"Recruitment", "Transit", "Exploitation"};
constexpr SV kPerpetratorRole[] = {"TravellingPartner",     "Transporter",
                                   "RecruiterOrIntermediary", "BrokerTravelAgent",
                                   "TransferredIndividual", "HarbouredIndividual",
                                   "SoldIndividual",        "BoughtIndividual",
                                   "ReceivedIndividual",    "ControlledIndividual",
                                   "Smuggler",              "Abuser",
                                   "Kidnapper",             "Exploiter",
                                   "Other"};
constexpr SV kSupportType[] = {"Education", "Financial",  "Health",
                               "LabourExploitationRehabilitation",
                               "Legal",     "Livelihood", "RightsBasedTraining",
                               "SexualExploitationRehabilitation",
                               "SocialCare"};

// --- Our picklists -----------------------------------------------------------
constexpr SV kDocumentType[] = {"passport",      "national_id",     "birth_certificate",
                                "household_registration", "work_permit", "visa",
                                "seafarer_book", "border_pass",     "other"};
constexpr SV kDocumentStatus[] = {"held_by_person",     "held_by_organisation", "held_by_employer",
                                  "held_by_trafficker", "lost",                 "expired",
                                  "never_issued"};
constexpr SV kNeeds[] = {"shelter",       "food_and_clothing", "medical",     "psychological",
                         "legal",         "interpretation",    "documents",   "family_tracing",
                         "repatriation",  "education",         "livelihood",  "financial",
                         "safety"};
constexpr SV kRisk[] = {"low", "medium", "high"};
constexpr SV kProgress[] = {"planned", "in_progress", "achieved", "discontinued"};
constexpr SV kServiceType[] = {"shelter",       "medical",        "psychological",
                               "interpretation", "legal_advice",  "vocational_training",
                               "daily_allowance", "education",    "family_tracing",
                               "other"};
constexpr SV kCurrency[] = {"THB", "KHR", "LAK", "MMK", "VND", "CNY", "MYR", "IDR",
                            "PHP", "SGD", "BND", "USD", "EUR"};
constexpr SV kMeetingType[] = {"case_management", "multidisciplinary_team", "case_conference"};
constexpr SV kContactMethod[] = {"home_visit", "office_visit", "phone_call", "video_call"};
constexpr SV kFollowUpStatus[] = {"scheduled", "done", "missed", "cancelled"};
constexpr SV kRating[] = {"good", "fair", "poor"};
constexpr SV kReintegrationOutcome[] = {"successful", "in_progress", "at_risk", "unsuccessful"};

// --- The forms -------------------------------------------------------------
const FormField kVictimContext[] = {
    Choice("education", "education", kEducation),
    Choice("relationship_to_trafficker", "relationship", kRelationship),
    Integer("age_when_trafficked", 0, 120),
    Choices("recruitment_methods", "recruitment_method", kRecruitment),
    Choices("recruitment_apps", "apps", kApps),
    Choices("control_methods", "control_method", kControl),
    Choices("exploitation_types", "exploitation_type", kExploitation),
    Choices("sex_exploitation_types", "sex_exploitation_type", kSexExploitation),
    Choice("forced_labour_industry", "industry", kIndustry),
    Choices("exploitation_apps", "apps", kApps),
    Text("notes"),
};

const FormField kEvent[] = {
    Choice("type", "event_type", kEventType, true),
    Date("started_on"),
    Date("ended_on"),
    Of(FT::kCountry, "country"),
    Line("province"),
    Line("city"),
    Line("place"),
    Number("latitude", -90, 90),
    Number("longitude", -180, 180),
    Text("description"),
};
const DateOrder kEventDates[] = {{"started_on", "ended_on"}};
const FieldPair kCoordinates[] = {{"latitude", "longitude"}};

const FormField kPerpetrator[] = {
    Line("name", true),
    Line("aliases"),
    Choices("roles", "perpetrator_role", kPerpetratorRole, true),
    Text("role_details"),
    Choice("relationship_to_person", "relationship", kRelationship),
    Of(FT::kCountry, "nationality"),
    Line("contact"),  // phone or chat handle, as used in job adverts
    EntryRef("event", "event"),
};

const FormField kIdentityDocument[] = {
    Choice("document_type", "document_type", kDocumentType, true),
    Choice("status", "document_status", kDocumentStatus, true),
    Of(FT::kCountry, "issuing_country"),
    Line("number"),
    Date("expires_on"),
    Text("notes"),
};

const FormField kNeedsAssessment[] = {
    Date("assessed_on", true),
    Choices("needs", "need", kNeeds, true),
    Choice("risk_level", "risk", kRisk),
    Text("summary"),
};

const FormField kSupportObjective[] = {
    Choice("type", "support_type", kSupportType, true),
    Text("objective", true),
    Date("planned_start"),
    Date("planned_end"),
    Date("actual_start"),
    Date("actual_end"),
    Choice("status", "progress", kProgress, true),
};
const DateOrder kObjectiveDates[] = {{"planned_start", "planned_end"},
                                     {"actual_start", "actual_end"}};

const FormField kSupportAction[] = {
    EntryRef("objective", "support_objective", true),
    Text("action", true),
    Line("responsible"),
    Date("planned_on"),
    Date("done_on"),
    Choice("status", "progress", kProgress, true),
};

const FormField kService[] = {
    Choice("service_type", "service_type", kServiceType, true),
    Of(FT::kOrganisation, "provider_organisation"),
    Line("provider_name"),
    Date("started_on", true),  // admission, for a shelter stay
    Date("ended_on"),          // discharge
    Number("amount", 0, 1e12),
    Choice("currency", "currency", kCurrency),
    Text("notes"),
};
const DateOrder kServiceDates[] = {{"started_on", "ended_on"}};
const FieldPair kMoney[] = {{"amount", "currency"}};

const FormField kNote[] = {
    Text("text", true),
    Flag("confidential"),
};

const FormField kTask[] = {
    Line("title", true),
    Date("due_on", true),
    Of(FT::kUser, "assignee", true),
    Flag("done"),
    Text("details"),
};

const FormField kMeeting[] = {
    Date("held_on", true),
    Choice("meeting_type", "meeting_type", kMeetingType, true),
    Text("attendees", true),  // names and organisations, one per line
    Text("decisions"),
    Text("actions"),
};

const FormField kFollowUp[] = {
    Choice("method", "contact_method", kContactMethod, true),
    Date("scheduled_on", true),
    Choice("status", "follow_up_status", kFollowUpStatus, true),
    Date("done_on"),
    Choice("retrafficking_risk", "risk", kRisk),
    Text("notes"),
};

const FormField kReintegration[] = {
    Date("assessed_on", true),
    Choice("housing", "rating", kRating),
    Choice("income", "rating", kRating),
    Choice("health", "rating", kRating),
    Choice("family", "rating", kRating),
    Choice("safety", "rating", kRating),
    Choice("education", "rating", kRating),
    Choice("outcome", "reintegration_outcome", kReintegrationOutcome, true),
    Text("notes"),
};

const CaseForm kForms[] = {
    {.kind = "victim_context", .multiple = false, .fields = kVictimContext},
    {.kind = "event", .fields = kEvent, .date_orders = kEventDates, .pairs = kCoordinates},
    {.kind = "perpetrator", .fields = kPerpetrator},
    {.kind = "identity_document", .fields = kIdentityDocument},
    {.kind = "needs_assessment", .fields = kNeedsAssessment},
    {.kind = "support_objective", .fields = kSupportObjective, .date_orders = kObjectiveDates},
    {.kind = "support_action", .fields = kSupportAction},
    {.kind = "service", .fields = kService, .date_orders = kServiceDates, .pairs = kMoney},
    {.kind = "note", .fields = kNote, .confidential_field = "confidential"},
    {.kind = "task",
     .fields = kTask,
     .assignee_field = "assignee",
     .due_field = "due_on",
     .done_field = "done"},
    {.kind = "meeting", .fields = kMeeting},
    {.kind = "follow_up",
     .fields = kFollowUp,
     .requires_consent = ConsentPurpose::kFollowUpContact},
    {.kind = "reintegration", .fields = kReintegration},
};

// The casework forms, then the legal ones (legal_forms.cc).
const std::vector<CaseForm>& AllForms() {
  static const std::vector<CaseForm> all = [] {
    std::vector<CaseForm> v(std::begin(kForms), std::end(kForms));
    for (const CaseForm& f : LegalForms()) v.push_back(f);
    return v;
  }();
  return all;
}

}  // namespace

std::span<const CaseForm> CaseForms() { return AllForms(); }

const CaseForm* FindCaseForm(std::string_view kind) {
  for (const CaseForm& f : AllForms())
    if (f.kind == kind) return &f;
  return nullptr;
}

const FormField* FindField(const CaseForm& form, std::string_view name) {
  for (const FormField& f : form.fields)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace trm::domain
