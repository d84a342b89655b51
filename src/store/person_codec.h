// Serialises a Person for encryption at rest (JSON inside the ciphertext, so
// that new HTCDS fields can be added without a schema change).
#pragma once

#include <string>

#include "common/status.h"
#include "domain/person.h"

namespace trm::store {

std::string EncodePerson(const domain::Person& p);
// Internal when the bytes are not a Person this program wrote.
Result<domain::Person> DecodePerson(const std::string& bytes);

}  // namespace trm::store
