// Not a test of its own: the shared fixture behind test_data.h. Named
// *_test.cc so that it is built into the test program only.
#include "match/test_data.h"

#include <cstdlib>
#include <iostream>

namespace trm::match::testing {

const Preparer& SharedPreparer() {
  static const Preparer* preparer = [] {
    PrepareOptions options;
    options.reference_year = 2025;
    auto p = Preparer::Load(DataDir(), options);
    if (!p.ok()) {
      std::cerr << "cannot load " << DataDir() << ": " << p.status().ToString() << "\n";
      std::abort();
    }
    return p.value().release();
  }();
  return *preparer;
}

}  // namespace trm::match::testing
