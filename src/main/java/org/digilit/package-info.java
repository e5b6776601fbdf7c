/** DigiLit: a digital-literacy learning platform for public "digital skills for everyone" programmes. */
@org.jspecify.annotations.NullMarked
package org.digilit;
