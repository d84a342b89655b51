// Demo data for the secretariat's work: a few library documents (an MOU, the
// regional SOP in two versions, a rights notice, a handbook, a withdrawn
// form), and finished referrals between demo organisations over the past
// year, so that the referral report has something to count.
#pragma once

#include <utility>
#include <vector>

#include "common/clock.h"
#include "store/tx.h"

namespace trm::service {

// Publishes the demo documents as the demo secretariat user (nothing when
// there is none). Files are small text and PDF files written here.
Status AddDemoLibrary(store::Tx& tx, Millis now);

// Writes finished referrals (completed, declined, closed, withdrawn) between
// demo organisations, sent over the past year, from the given open cases
// (case id, owning organisation id). Finished, so no inbox shows them; their
// summaries and timelines are sealed and name nobody.
Status AddDemoReferrals(store::Tx& tx, Millis now, const std::vector<std::pair<domain::Id, domain::Id>>& cases);

}  // namespace trm::service
