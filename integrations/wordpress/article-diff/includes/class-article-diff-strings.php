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
		 * @param array $nooped From _n_noop(), with %s for the number.
		 */
		$count = static function ( $nooped ) use ( $samples ) {
			$forms = array();
			foreach ( $samples as $category => $number ) {
				$forms[ $category ] = sprintf( translate_nooped_plural( $nooped, $number, 'article-diff' ), '{n}' );
			}
			return $forms;
		};
		$strings = array(
			'locale'                  => $locale,
			'oldVersion'              => __( 'Old version', 'article-diff' ),
			'newVersion'              => __( 'New version', 'article-diff' ),
			'differences'             => __( 'Differences', 'article-diff' ),
			'sideBySide'              => __( 'Side by side', 'article-diff' ),
			'inline'                  => _x( 'Inline', 'comparison view', 'article-diff' ),
			'viewGroup'               => _x( 'View', 'comparison view switch', 'article-diff' ),
			'changesGroup'            => __( 'Changes', 'article-diff' ),
			'previous'                => __( 'Previous', 'article-diff' ),
			'next'                    => __( 'Next', 'article-diff' ),
			'previousTitle'           => __( 'Previous change (p or k)', 'article-diff' ),
			'nextTitle'               => __( 'Next change (n or j)', 'article-diff' ),
			'hideCosmetic'            => __( 'Hide cosmetic', 'article-diff' ),
			/* translators: %s: number of cosmetic changes */
			'cosmeticCount'           => $count( _n_noop( '(%s cosmetic change)', '(%s cosmetic changes)', 'article-diff' ) ),
			'hideFormatting'          => __( 'Hide formatting', 'article-diff' ),
			'formattingCount'         => $count( _n_noop( '(%s formatting change)', '(%s formatting changes)', 'article-diff' ) ),
			'comparing'               => __( 'Comparing…', 'article-diff' ),
			'noChanges'               => __( 'No changes', 'article-diff' ),
			/* translators: %s: number of changes */
			'changeCount'             => $count( _n_noop( '%s change', '%s changes', 'article-diff' ) ),
			/* translators: 1: number of the current change, 2: number of changes */
			'counter'                 => sprintf( __( '%1$s of %2$s', 'article-diff' ), '{current}', '{count}' ),
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
			'formattingChanges'       => $count( _n_noop( '%s formatting', '%s formatting', 'article-diff' ) ),
			'formattingChangesTitle'  => __( 'Formatting changes on unchanged text (bold, links, headings…)', 'article-diff' ),
			/* translators: %s: why the comparison is approximate */
			'approximate'             => sprintf( __( 'Approximate diff: %s. The changes shown are exact, but coarser than they could be.', 'article-diff' ), '{detail}' ),
			'approximateDetail'       => __( 'a time budget ran out', 'article-diff' ),
			'rowChanged'              => __( 'Changed paragraph', 'article-diff' ),
			'rowCosmetic'             => __( 'Cosmetic change', 'article-diff' ),
			'rowSplit'                => __( 'Split paragraph', 'article-diff' ),
			'rowMerged'               => __( 'Merged paragraphs', 'article-diff' ),
			'rowInserted'             => __( 'Inserted paragraph', 'article-diff' ),
			'rowDeleted'              => __( 'Deleted paragraph', 'article-diff' ),
			'rowMovedAway'            => __( 'Paragraph moved away', 'article-diff' ),
			'rowMoved'                => __( 'Moved paragraph', 'article-diff' ),
			'rowEqual'                => __( 'Paragraph', 'article-diff' ),
			'oldParagraph'            => __( 'Old paragraph', 'article-diff' ),
			'newParagraph'            => __( 'New paragraph', 'article-diff' ),
			/* translators: %s: paragraph number in the new version */
			'movedDownTo'             => sprintf( __( 'Moved down to new ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the new version */
			'movedUpTo'               => sprintf( __( 'Moved up to new ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the old version */
			'movedDownFrom'           => sprintf( __( 'Moved down from old ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: paragraph number in the old version */
			'movedUpFrom'             => sprintf( __( 'Moved up from old ¶ %s', 'article-diff' ), '{n}' ),
			/* translators: %s: where a paragraph moved, e.g. "Moved down to new ¶ 4" */
			'movedEdited'             => sprintf( __( '%s (edited)', 'article-diff' ), '{move}' ),
			/* translators: 1: number of the move, 2: where the paragraph moved */
			'moveLinkLabel'           => sprintf( __( 'Move %1$s: %2$s. Jump to the other end.', 'article-diff' ), '{n}', '{move}' ),
			/* translators: %s: number of paragraphs */
			'splitInto'               => sprintf( __( 'Split into %s', 'article-diff' ), '{n}' ),
			/* translators: %s: number of paragraphs */
			'mergedFrom'              => sprintf( __( 'Merged from %s', 'article-diff' ), '{n}' ),
			'cosmeticChip'            => __( 'cosmetic', 'article-diff' ),
			/* translators: %s: what changed, in English, from the engine ("link changed: …"). */
			'formattingLabel'         => sprintf( __( 'Formatting: %s', 'article-diff' ), '{description}' ),
			'cosmeticChipTitle'       => __( 'Only typography, whitespace or paragraph breaks changed', 'article-diff' ),
			'cosmeticSignTitle'       => __( 'Cosmetic only: typography, whitespace or paragraph breaks', 'article-diff' ),
			'cosmeticNewTitle'        => __( 'Cosmetic change (typography or whitespace): new form', 'article-diff' ),
			'cosmeticOldTitle'        => __( 'Cosmetic change (typography or whitespace): old form', 'article-diff' ),
			/* translators: %s: number of unchanged paragraphs */
			'unchangedParagraphs'     => $count( _n_noop( '%s unchanged paragraph', '%s unchanged paragraphs', 'article-diff' ) ),
			'bothEmpty'               => __( 'Both versions are empty.', 'article-diff' ),
		);
		/**
		 * Filters the strings of the comparison's interface, as the element reads them.
		 *
		 * @param array  $strings Key => template (or plural forms), and `locale`.
		 * @param string $locale  The BCP 47 tag of the user's language.
		 */
		return apply_filters( 'article_diff_strings', $strings, $locale );
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
