/** Identity numbers: validation per scheme (Vietnam CCCD, Aadhaar, generic), normalisation, and their protection (encryption at rest, blind index, masking). */
@org.jspecify.annotations.NullMarked
package org.digilit.identity;
