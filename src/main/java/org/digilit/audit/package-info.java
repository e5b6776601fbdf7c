/** Who changed what, when and from where: an append-only trail of account changes, imports and exports. */
@org.jspecify.annotations.NullMarked
package org.digilit.audit;
