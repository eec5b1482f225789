#pragma once
// The test content pack and private temp folders: what most tests need, without
// the JSON and the headless runner that support/layout.hpp brings (they cost every
// test file that includes them seconds of compile time).
#include <string>

#include "content/content_pack.hpp"

namespace test_support {

// The test content pack (tests/fixtures/content): stable, whatever the shipped pack says.
const content::ContentPack& fixture_pack();

// A fresh, empty directory under the system temp dir, named after the test.
std::string temp_dir(const std::string& name);

// `piece` again and again, until at least `bytes` long: a long text that never passed check-content.
std::string repeated(const std::string& piece, std::size_t bytes);

}  // namespace test_support
