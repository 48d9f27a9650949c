<?php
/**
 * The words of `<article-diff>`'s interface in the user's language, through WordPress's own
 * translations of the plugin (text domain `article-diff`): they travel to the element in its
 * data block as its `strings` (docs/element.md, "Interface language").
 *
 * The element's templates use `{n}`-style placeholders and CLDR plural categories; the
 * translations use `%s` and gettext's plural forms. Each placeholder is filled with the
 * element's name for it, and each plural category of the locale gets the gettext form of a
 * number in that category, found with PHP's intl extension where it is installed (else `one`
 * and `other` only, right for every language with two forms).
 *
 * @package ArticleDiff
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's strings for the current user.
 */
final class Article_Diff_Strings {

	/** Fallback numbers per plural category, without the intl extension. */
	const FALLBACK_SAMPLES = array(
		'one'   => 1,
		'other' => 5,
	);

	/**
	 * Every string the element shows, translated, with `locale` (a BCP 47 tag).
	 *
	 * @return array<string, string|array<string, string>>
	 */
	public static function for_element() {
		$locale  = self::bcp47( determine_locale() );
		$samples = self::plural_samples( $locale );
		/**
		 * A count string: one template per plural category of the locale.
		 *
		 * @param array  $nooped   From _n_noop(), with %s (or %1$s, %2$s…) for the values.
		 * @param string ...$names The element's names of the values, in order; `n` by default.
		 */
		$count = static function ( $nooped, ...$names ) use ( $samples ) {
			$placeholders = array_map(
				static function ( $name ) {
					return '{' . $name . '}';
				},
				$names ? $names : array( 'n' )
			);

			$forms = array();
			foreach ( $samples as $category => $number ) {
				$form = self::fill( translate_nooped_plural( $nooped, $number, 'article-diff' ), ...$placeholders );
				if ( null === $form ) {
					return null;
				}
				$forms[ $category ] = $form;
			}
			return $forms;
		};
		// In the order of the element's www/article-diff-strings.js; tests/cms/strings.test.mjs
		// holds this list to the element's.
		$strings = array(
			'locale'                  => $locale,
			'oldVersion'              => __( 'Old version', 'article-diff' ),
			'newVersion'              => __( 'New version', 'article-diff' ),
			'differences'             => __( 'Differences', 'article-diff' ),
			/* translators: for screen readers, the name of the comparison's table. 1: label of the old version, 2: label of the new version */
			'differencesBetween'      => self::fill( __( 'Differences between %1$s and %2$s', 'article-diff' ), '{old}', '{new}' ),
			'changeColumn'            => _x( 'Change', 'screen-reader column header: the kind of change of each row', 'article-diff' ),
			/* translators: for screen readers, the header of the inline view's one text column. 1: label of the old version, 2: label of the new version */
			'bothColumn'              => self::fill( __( '%1$s and %2$s', 'article-diff' ), '{old}', '{new}' ),
			'sideBySide'              => __( 'Side by side', 'article-diff' ),
			'inline'                  => _x( 'Inline', 'comparison view', 'article-diff' ),
			'viewGroup'               => _x( 'View', 'comparison view switch', 'article-diff' ),
			'changesGroup'            => __( 'Changes', 'article-diff' ),
			'previous'                => __( 'Previous', 'article-diff' ),
			'next'                    => __( 'Next', 'article-diff' ),
			'previousTitle'           => __( 'Previous change (p or k)', 'article-diff' ),
			'nextTitle'               => __( 'Next change (n or j)', 'article-diff' ),
			'hideCosmetic'            => __( 'Hide cosmetic', 'article-diff' ),
			'hideFormatting'          => __( 'Hide formatting', 'article-diff' ),
			/* translators: %s: number of formatting changes (bold, links, headings… changed on unchanged text) */
			'formattingCount'         => $count( _n_noop( '(%s formatting change)', '(%s formatting changes)', 'article-diff' ) ),
			'hideCosmeticTitle'       => __( 'Draw changes of typography, letter case and spacing as unchanged text', 'article-diff' ),
			/* translators: %s: number of cosmetic changes */
			'cosmeticCount'           => $count( _n_noop( '(%s cosmetic change)', '(%s cosmetic changes)', 'article-diff' ) ),
			'onlyChanges'             => __( 'Only changes', 'article-diff' ),
			'onlyChangesTitle'        => __( 'Fold every unchanged paragraph, with no context around the changes', 'article-diff' ),
			'expandAll'               => __( 'Expand all', 'article-diff' ),
			'foldAll'                 => __( 'Fold all', 'article-diff' ),
			'legend'                  => _x( 'Legend', 'button and panel explaining the comparison\'s marks', 'article-diff' ),
			'closeLegend'             => _x( 'Close the legend', 'button: the legend panel\'s close (×) button', 'article-diff' ),
			'copy'                    => _x( 'Copy', 'button: copy the comparison', 'article-diff' ),
			'copyTitle'               => __( 'Copy the diff as rich text (a table with its marks) and as plain text', 'article-diff' ),
			'copied'                  => _x( 'Copied', 'the comparison is on the clipboard', 'article-diff' ),
			'copyFailed'              => __( 'Copy failed', 'article-diff' ),
			'nothingToCopy'           => __( 'Nothing to copy', 'article-diff' ),
			'download'                => _x( 'Download', 'button: save the comparison as a file', 'article-diff' ),
			'downloadTitle'           => __( 'Save the diff as one HTML file that opens anywhere', 'article-diff' ),
			'options'                 => _x( 'Options', 'button that opens the comparison\'s toolbar on phones', 'article-diff' ),
			'comparing'               => __( 'Comparing…', 'article-diff' ),
			'noChanges'               => __( 'No changes', 'article-diff' ),
			/* translators: %s: number of changes */
			'changeCount'             => $count( _n_noop( '%s change', '%s changes', 'article-diff' ) ),
			/* translators: 1: number of the current change, 2: number of changes */
			'counter'                 => self::fill( __( '%1$s of %2$s', 'article-diff' ), '{current}', '{count}' ),
			'noDifferences'           => __( 'No differences', 'article-diff' ),
			/* translators: %s: number of words inserted */
			'wordsInserted'           => $count( _n_noop( '+%s word', '+%s words', 'article-diff' ) ),
			'wordsInsertedTitle'      => __( 'Words inserted', 'article-diff' ),
			/* translators: %s: number of words deleted */
			'wordsDeleted'            => $count( _n_noop( '−%s word', '−%s words', 'article-diff' ) ),
			'wordsDeletedTitle'       => __( 'Words deleted', 'article-diff' ),
			/* translators: %s: number of paragraphs */
			'paragraphsChanged'       => $count( _n_noop( '%s paragraph changed', '%s paragraphs changed', 'article-diff' ) ),
			/* translators: %s: number of paragraphs inserted */
			'paragraphsInserted'      => $count( _n_noop( '%s inserted', '%s inserted', 'article-diff' ) ),
			'paragraphsInsertedTitle' => __( 'Paragraphs inserted', 'article-diff' ),
			/* translators: %s: number of paragraphs deleted */
			'paragraphsDeleted'       => $count( _n_noop( '%s deleted', '%s deleted', 'article-diff' ) ),
			'paragraphsDeletedTitle'  => __( 'Paragraphs deleted', 'article-diff' ),
			/* translators: %s: number of paragraphs moved */
			'paragraphsMoved'         => $count( _n_noop( '%s moved', '%s moved', 'article-diff' ) ),
			'paragraphsMovedTitle'    => __( 'Paragraphs moved', 'article-diff' ),
			/* translators: %s: number of paragraphs split */
			'paragraphsSplit'         => $count( _n_noop( '%s split', '%s split', 'article-diff' ) ),
			'paragraphsSplitTitle'    => __( 'Paragraphs split in two or more', 'article-diff' ),
			/* translators: %s: number of paragraphs merged */
			'paragraphsMerged'        => $count( _n_noop( '%s merged', '%s merged', 'article-diff' ) ),
			'paragraphsMergedTitle'   => __( 'Paragraphs merged into one', 'article-diff' ),
			/* translators: %s: number of formatting changes, in the summary line */
			'formattingChanges'       => $count( _n_noop( '%s formatting', '%s formatting', 'article-diff' ) ),
			'formattingChangesTitle'  => __( 'Formatting changes on unchanged text (bold, links, headings…)', 'article-diff' ),
			/* translators: %s: why the comparison is approximate */
			'approximate'             => self::fill( __( 'Approximate diff: %s. The changes shown are exact, but coarser than they could be.', 'article-diff' ), '{detail}' ),
			'approximateDetail'       => __( 'a time budget ran out', 'article-diff' ),
			/* translators: %s: share of words the two versions have in common ("37%" or "under 1%") */
			'unrelatedNotice'         => self::fill( __( 'These versions share little text (%s of their words): showing them one after the other.', 'article-diff' ), '{percent}' ),
			/* translators: %s: share of words the two versions have in common ("37%" or "under 1%") */
			'unrelatedAlignedNotice'  => self::fill( __( 'These versions share little text (%s of their words): aligned paragraph by paragraph, as asked.', 'article-diff' ), '{percent}' ),
			/* translators: %s: a whole number from 1 to 100, written with the user's digits; %% is the percent sign. Write the percentage as your language does. */
			'sharedPercent'           => self::fill( _x( '%s%%', 'percentage of words in common', 'article-diff' ), '{n}' ),
			'sharedUnderOnePercent'   => _x( 'under 1%', 'share of words in common', 'article-diff' ),
			'alignAnyway'             => __( 'Align them paragraph by paragraph', 'article-diff' ),
			'showOneAfterOther'       => __( 'Show them one after the other', 'article-diff' ),
			/* translators: %s: number of paragraphs of the old version */
			'stackedOld'              => $count( _n_noop( 'Old: %s paragraph', 'Old: %s paragraphs', 'article-diff' ) ),
			/* translators: %s: number of paragraphs of the new version */
			'stackedNew'              => $count( _n_noop( 'New: %s paragraph', 'New: %s paragraphs', 'article-diff' ) ),
			/* translators: %s: number of words of a version */
			'wordCount'               => $count( _n_noop( '%s word', '%s words', 'article-diff' ) ),
			/* translators: %s: label of the old version (its author and date) */
			'oldPartTitle'            => self::fill( __( 'Old version: %s', 'article-diff' ), '{label}' ),
			/* translators: %s: label of the new version (its author and date) */
			'newPartTitle'            => self::fill( __( 'New version: %s', 'article-diff' ), '{label}' ),
			/* translators: %s: number of paragraphs of a version */
			'paragraphCount'          => $count( _n_noop( '%s paragraph', '%s paragraphs', 'article-diff' ) ),
			'rowChanged'              => __( 'Changed paragraph', 'article-diff' ),
			'rowCosmetic'             => __( 'Cosmetic change', 'article-diff' ),
			'rowFormatting'           => __( 'Formatting changed', 'article-diff' ),
			'rowSplit'                => __( 'Split paragraph', 'article-diff' ),
			'rowMerged'               => __( 'Merged paragraphs', 'article-diff' ),
			'rowInserted'             => __( 'Inserted paragraph', 'article-diff' ),
			'rowDeleted'              => __( 'Deleted paragraph', 'article-diff' ),
			'rowMovedAway'            => __( 'Paragraph moved away', 'article-diff' ),
			'rowMoved'                => __( 'Moved paragraph', 'article-diff' ),
			'rowEqual'                => __( 'Paragraph', 'article-diff' ),
			'rowUnchanged'            => __( 'Unchanged paragraph', 'article-diff' ),
			/* translators: for screen readers, before a cell's text. %s: paragraph number in the old version, or a range such as "8–9" */
			'oldParagraphNumber'      => self::fill( __( 'Old ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: for screen readers, before a cell's text. %s: paragraph number in the new version, or a range such as "8–9" */
			'newParagraphNumber'      => self::fill( __( 'New ¶ %s', 'article-diff' ), '{n}' ),
			'notInOld'                => __( 'Not in the old version', 'article-diff' ),
			'notInNew'                => __( 'Not in the new version', 'article-diff' ),
			/* translators: for screen readers, before a cell's text, which follows at once (keep the space at the end if your language has one). %s: what the cell is ("Old ¶ 3") */
			'cellLabelled'            => self::fill( __( '%s: ', 'article-diff' ), '{label}' ),
			/* translators: for screen readers, what an inline cell holding both versions is. 1: its old paragraph ("Old ¶ 3"), 2: its new paragraph ("New ¶ 4") */
			'cellLabelsBoth'          => self::fill( __( '%1$s, %2$s', 'article-diff' ), '{old}', '{new}' ),
			'oldParagraph'            => __( 'Old paragraph', 'article-diff' ),
			'newParagraph'            => __( 'New paragraph', 'article-diff' ),
			/* translators: %s: paragraph number in the new version */
			'movedDownTo'             => self::fill( __( 'Moved down to new ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the new version */
			'movedUpTo'               => self::fill( __( 'Moved up to new ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the old version */
			'movedDownFrom'           => self::fill( __( 'Moved down from old ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the old version */
			'movedUpFrom'             => self::fill( __( 'Moved up from old ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: where a paragraph moved, e.g. "Moved down to new ¶ 4" */
			'movedEdited'             => self::fill( __( '%s (edited)', 'article-diff' ), '{move}' ),
			/* translators: 1: number of the move, 2: where the paragraph moved */
			'moveLinkLabel'           => self::fill( __( 'Move %1$s: %2$s. Jump to the other end.', 'article-diff' ), '{n}', '{move}' ),
			/* translators: for screen readers, before a move's number on its link: "Move 1 Moved down to new ¶ 12, below: jump there". A noun; the number follows at once (keep the space at the end if your language has one). */
			'moveLinkBefore'          => _x( 'Move ', 'noun, before the number of a move', 'article-diff' ),
			/* translators: for screen readers, at the end of a move link: "Move 1 Moved down to new ¶ 12, below: jump there". %s: "below" or "above" */
			'moveLinkAfter'           => self::fill( __( ', %s: jump there', 'article-diff' ), '{where}' ),
			'otherEndBelow'           => _x( 'below', 'where the other end of a move is', 'article-diff' ),
			'otherEndAbove'           => _x( 'above', 'where the other end of a move is', 'article-diff' ),
			/* translators: %s: number of paragraphs */
			'splitInto'               => self::fill( __( 'Split into %s', 'article-diff' ), '{n}' ),
			/* translators: %s: number of paragraphs */
			'mergedFrom'              => self::fill( __( 'Merged from %s', 'article-diff' ), '{n}' ),
			/* translators: %s: what changed, in English, from the engine ("link changed: …"). */
			'formattingLabel'         => self::fill( __( 'Formatting: %s', 'article-diff' ), '{description}' ),
			'cosmeticChip'            => __( 'cosmetic', 'article-diff' ),
			'cosmeticChipTitle'       => __( 'Only typography, whitespace or paragraph breaks changed', 'article-diff' ),
			'cosmeticSignTitle'       => __( 'Cosmetic only: typography, whitespace or paragraph breaks', 'article-diff' ),
			'formattingSignTitle'     => __( 'Formatting only: the text is the same', 'article-diff' ),
			'cosmeticNewTitle'        => __( 'Cosmetic change (typography or whitespace): new form', 'article-diff' ),
			'cosmeticOldTitle'        => __( 'Cosmetic change (typography or whitespace): old form', 'article-diff' ),
			/* translators: %s: number of unchanged paragraphs */
			'unchangedParagraphs'     => $count( _n_noop( '%s unchanged paragraph', '%s unchanged paragraphs', 'article-diff' ) ),
			/* translators: %s: number of unchanged paragraphs that the button folds again */
			'foldUnchanged'           => $count( _n_noop( 'Fold %s unchanged paragraph', 'Fold %s unchanged paragraphs', 'article-diff' ) ),
			/* translators: %s: number of paragraphs in a folded run whose formatting changes the reader chose to hide (after "N unchanged paragraphs, ") */
			'foldHiddenFormatting'    => $count( _n_noop( '%s paragraph with hidden formatting changes', '%s paragraphs with hidden formatting changes', 'article-diff' ) ),
			/* translators: %s: number of paragraphs in a folded run whose cosmetic changes the reader chose to hide (after "N unchanged paragraphs, ") */
			'foldHiddenCosmetic'      => $count( _n_noop( '%s paragraph with hidden cosmetic changes', '%s paragraphs with hidden cosmetic changes', 'article-diff' ) ),
			/* translators: %s: number of paragraphs (some with hidden changes) that the button folds again */
			'foldParagraphs'          => $count( _n_noop( 'Fold %s paragraph', 'Fold %s paragraphs', 'article-diff' ) ),
			'spaceAdded'              => _x( 'space added', 'for screen readers, within the text', 'article-diff' ),
			'spaceRemoved'            => _x( 'space removed', 'for screen readers, within the text', 'article-diff' ),
			'spacesAdded'             => _x( 'spaces added', 'for screen readers, within the text', 'article-diff' ),
			'spacesRemoved'           => _x( 'spaces removed', 'for screen readers, within the text', 'article-diff' ),
			'lineBreakAdded'          => _x( 'line break added', 'for screen readers, within the text', 'article-diff' ),
			'lineBreakRemoved'        => _x( 'line break removed', 'for screen readers, within the text', 'article-diff' ),
			'paragraphBreakAdded'     => _x( 'paragraph break added', 'for screen readers, within the text', 'article-diff' ),
			'paragraphBreakRemoved'   => _x( 'paragraph break removed', 'for screen readers, within the text', 'article-diff' ),
			/* translators: tooltip on the minimap. %s: number of the change, counting from the top */
			'minimapChange'           => self::fill( __( 'Change %s', 'article-diff' ), '{n}' ),
			'minimapMovedAway'        => __( 'A paragraph moved away from here', 'article-diff' ),
			'legendWords'             => _x( 'Words', 'legend group: marks on words', 'article-diff' ),
			'legendNewWordsSample'    => _x( 'new words', 'legend example of inserted words', 'article-diff' ),
			'legendOldWordsSample'    => _x( 'old words', 'legend example of deleted words', 'article-diff' ),
			'legendInserted'          => __( 'Inserted (underlined)', 'article-diff' ),
			'legendDeleted'           => __( 'Deleted (struck through)', 'article-diff' ),
			'legendCosmetic'          => __( 'Cosmetic change: typography, letter case or spacing only (dotted)', 'article-diff' ),
			/* translators: keep the signs · and ¶: they are the marks the comparison draws */
			'legendWhitespace'        => __( 'A space (·) or a paragraph break (¶) added or removed', 'article-diff' ),
			'legendFormattingSample'  => _x( 'bold', 'legend example of a word made bold', 'article-diff' ),
			'legendFormatting'        => __( 'Formatting changed on unchanged text (bold, a link, a heading…): its description on hover or focus', 'article-diff' ),
			'legendParagraphs'        => _x( 'Paragraphs', 'legend group: marks on paragraphs', 'article-diff' ),
			'legendSigns'             => __( 'Inserted or deleted paragraph, or the new and old text of a changed one', 'article-diff' ),
			'legendSignInline'        => __( 'A changed paragraph, both texts in one column', 'article-diff' ),
			'legendSignCosmetic'      => __( 'Only cosmetic changes in the paragraph', 'article-diff' ),
			'legendSignFormatting'    => __( 'Only its formatting changed: the text is the same', 'article-diff' ),
			'legendMovedSample'       => _x( 'Moved down', 'legend example of a move link', 'article-diff' ),
			'legendMoved'             => __( 'A moved paragraph: both ends carry its number and link to each other', 'article-diff' ),
			'legendSplit'             => __( 'A paragraph split in two or more, or several merged into one', 'article-diff' ),
			'legendEmpty'             => __( 'Not in this version', 'article-diff' ),
			'legendFold'              => __( 'Unchanged paragraphs, folded: activate to show them', 'article-diff' ),
			'legendFindingYourWay'    => _x( 'Finding your way', 'legend group: the current change and the minimap', 'article-diff' ),
			/* translators: "Previous" and "Next" are the toolbar's buttons; keep the key letters n and p */
			'legendCurrent'           => __( 'The current change (Previous and Next, or the n and p keys)', 'article-diff' ),
			'legendMinimap'           => __( 'Minimap: a changed, inserted, deleted or moved paragraph; the grey box is what is in view', 'article-diff' ),
			/* translators: heading in the copied or downloaded diff. 1: label of the old version, 2: number of its paragraphs */
			'exportOldPart'           => $count( _n_noop( 'Old version: %1$s (%2$s paragraph)', 'Old version: %1$s (%2$s paragraphs)', 'article-diff' ), 'label', 'n' ),
			/* translators: heading in the copied or downloaded diff. 1: label of the new version, 2: number of its paragraphs */
			'exportNewPart'           => $count( _n_noop( 'New version: %1$s (%2$s paragraph)', 'New version: %1$s (%2$s paragraphs)', 'article-diff' ), 'label', 'n' ),
			/* translators: in the downloaded diff. %s: the date and time it was made, written by the browser */
			'exportGenerated'         => self::fill( __( 'Compared %s', 'article-diff' ), '{date}' ),
			'bothEmpty'               => __( 'Both versions are empty.', 'article-diff' ),
		);
		/**
		 * Filters the strings of the comparison's interface, as the element reads them.
		 *
		 * @param array  $strings Key => template (or plural forms), and `locale`.
		 * @param string $locale  The BCP 47 tag of the user's language.
		 */
		// A string whose translation cannot be filled is left out: the element shows its English.
		$strings = array_filter(
			$strings,
			static function ( $value ) {
				return null !== $value;
			}
		);
		return apply_filters( 'article_diff_strings', $strings, $locale );
	}

	/**
	 * A translated template with its values filled in, or null when the translation asks for a
	 * value that is not given (`%3$s` in a two-value string): PHP 8 throws there, and one broken
	 * translation must not take the revisions screen down with it.
	 *
	 * @param string $template From __(), _x() or translate_nooped_plural().
	 * @param string ...$values  The element's placeholders, in order.
	 * @return string|null
	 */
	private static function fill( $template, ...$values ) {
		try {
			return vsprintf( $template, $values );
		} catch ( \ValueError | \ArgumentCountError $e ) {
			return null;
		}
	}

	/**
	 * WordPress's locale (`pt_BR`, `de_DE_formal`) as a BCP 47 tag (`pt-BR`, `de-DE`).
	 *
	 * @param string $locale A WordPress locale.
	 * @return string
	 */
	public static function bcp47( $locale ) {
		$parts = explode( '_', (string) $locale );
		$tag   = strtolower( $parts[0] );
		if ( isset( $parts[1] ) && preg_match( '/^[A-Za-z]{2}$|^[0-9]{3}$/', $parts[1] ) ) {
			$tag .= '-' . strtoupper( $parts[1] );
		}
		return preg_match( '/^[a-z]{2,3}(-[A-Z]{2}|-[0-9]{3})?$/', $tag ) ? $tag : 'en';
	}

	/**
	 * One number per CLDR plural category of `$locale`: the smallest of 0–199 in it (found once
	 * per request and locale).
	 *
	 * @param string $locale A BCP 47 tag.
	 * @return array<string, int> Category => number, `other` always among them.
	 */
	private static function plural_samples( $locale ) {
		static $found = array();
		if ( ! isset( $found[ $locale ] ) ) {
			$found[ $locale ] = self::find_plural_samples( $locale );
		}
		return $found[ $locale ];
	}

	/**
	 * What plural_samples() returns, found afresh.
	 *
	 * @param string $locale A BCP 47 tag.
	 * @return array<string, int>
	 */
	private static function find_plural_samples( $locale ) {
		if ( ! class_exists( 'MessageFormatter' ) ) {
			return self::FALLBACK_SAMPLES;
		}
		$samples = array();
		$pattern = '{0, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
		for ( $n = 0; $n < 200; $n++ ) {
			$category = MessageFormatter::formatMessage( $locale, $pattern, array( $n ) );
			if ( is_string( $category ) && ! isset( $samples[ $category ] ) ) {
				$samples[ $category ] = $n;
			}
		}
		if ( ! $samples ) {
			return self::FALLBACK_SAMPLES;
		}
		// Some languages use `other` for fractions only (Polish, Russian); the element still needs
		// one, so it takes the form of many things.
		if ( ! isset( $samples['other'] ) ) {
			$samples['other'] = isset( $samples['many'] ) ? $samples['many'] : max( $samples );
		}
		return $samples;
	}
}
