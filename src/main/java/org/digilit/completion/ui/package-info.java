/** The completion feature's views: platforms and programmes, the completions import, the holding list. */
@org.jspecify.annotations.NullMarked
package org.digilit.completion.ui;
