<?php
/**
 * The words of `<article-diff>`'s interface in the reader's language, from the extension's
 * messages (`articlediff-ui-*`): they reach the element in its data block as its `strings`
 * (docs/element.md, "Interface language").
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

use Language;
use MessageLocalizer;

/**
 * The element's templates name their placeholders (`{n}`, `{move}`) where messages number
 * them ($1, $2): each parameter is given as the element's name for it. A count's message is
 * rendered once per CLDR plural category of the reader's language (MediaWiki's plural rules
 * are CLDR's), with a number of that category, and the number then replaced by `{n}`; so a
 * translation's {{PLURAL:$1|…}} becomes the element's plural forms.
 */
class ElementStrings {

	/** A count: plural forms by category. */
	private const COUNT = 'count';

	/** Element string => [ message key, the element's names of $1, $2… or self::COUNT ]. */
	private const MESSAGES = [
		'oldVersion' => [ 'articlediff-ui-old-version', [] ],
		'newVersion' => [ 'articlediff-ui-new-version', [] ],
		'differences' => [ 'articlediff-ui-differences', [] ],
		'sideBySide' => [ 'articlediff-ui-side-by-side', [] ],
		'inline' => [ 'articlediff-ui-inline', [] ],
		'viewGroup' => [ 'articlediff-ui-view-group', [] ],
		'changesGroup' => [ 'articlediff-ui-changes-group', [] ],
		'previous' => [ 'articlediff-ui-previous', [] ],
		'next' => [ 'articlediff-ui-next', [] ],
		'previousTitle' => [ 'articlediff-ui-previous-title', [] ],
		'nextTitle' => [ 'articlediff-ui-next-title', [] ],
		'hideCosmetic' => [ 'articlediff-ui-hide-cosmetic', [] ],
		'cosmeticCount' => [ 'articlediff-ui-cosmetic-count', self::COUNT ],
		'hideFormatting' => [ 'articlediff-ui-hide-formatting', [] ],
		'formattingCount' => [ 'articlediff-ui-formatting-count', self::COUNT ],
		'comparing' => [ 'articlediff-ui-comparing', [] ],
		'noChanges' => [ 'articlediff-ui-no-changes', [] ],
		'changeCount' => [ 'articlediff-ui-change-count', self::COUNT ],
		'counter' => [ 'articlediff-ui-counter', [ 'current', 'count' ] ],
		'noDifferences' => [ 'articlediff-ui-no-differences', [] ],
		'wordsInserted' => [ 'articlediff-ui-words-inserted', self::COUNT ],
		'wordsInsertedTitle' => [ 'articlediff-ui-words-inserted-title', [] ],
		'wordsDeleted' => [ 'articlediff-ui-words-deleted', self::COUNT ],
		'wordsDeletedTitle' => [ 'articlediff-ui-words-deleted-title', [] ],
		'paragraphsChanged' => [ 'articlediff-ui-paragraphs-changed', self::COUNT ],
		'paragraphsInserted' => [ 'articlediff-ui-paragraphs-inserted', self::COUNT ],
		'paragraphsInsertedTitle' => [ 'articlediff-ui-paragraphs-inserted-title', [] ],
		'paragraphsDeleted' => [ 'articlediff-ui-paragraphs-deleted', self::COUNT ],
		'paragraphsDeletedTitle' => [ 'articlediff-ui-paragraphs-deleted-title', [] ],
		'paragraphsMoved' => [ 'articlediff-ui-paragraphs-moved', self::COUNT ],
		'paragraphsMovedTitle' => [ 'articlediff-ui-paragraphs-moved-title', [] ],
		'paragraphsSplit' => [ 'articlediff-ui-paragraphs-split', self::COUNT ],
		'paragraphsSplitTitle' => [ 'articlediff-ui-paragraphs-split-title', [] ],
		'paragraphsMerged' => [ 'articlediff-ui-paragraphs-merged', self::COUNT ],
		'paragraphsMergedTitle' => [ 'articlediff-ui-paragraphs-merged-title', [] ],
		'formattingChanges' => [ 'articlediff-ui-formatting-changes', self::COUNT ],
		'formattingChangesTitle' => [ 'articlediff-ui-formatting-changes-title', [] ],
		'approximate' => [ 'articlediff-ui-approximate', [ 'detail' ] ],
		'approximateDetail' => [ 'articlediff-ui-approximate-detail', [] ],
		'rowChanged' => [ 'articlediff-ui-row-changed', [] ],
		'rowCosmetic' => [ 'articlediff-ui-row-cosmetic', [] ],
		'rowSplit' => [ 'articlediff-ui-row-split', [] ],
		'rowMerged' => [ 'articlediff-ui-row-merged', [] ],
		'rowInserted' => [ 'articlediff-ui-row-inserted', [] ],
		'rowDeleted' => [ 'articlediff-ui-row-deleted', [] ],
		'rowMovedAway' => [ 'articlediff-ui-row-moved-away', [] ],
		'rowMoved' => [ 'articlediff-ui-row-moved', [] ],
		'rowEqual' => [ 'articlediff-ui-row-equal', [] ],
		'oldParagraph' => [ 'articlediff-ui-old-paragraph', [] ],
		'newParagraph' => [ 'articlediff-ui-new-paragraph', [] ],
		'movedDownTo' => [ 'articlediff-ui-moved-down-to', [ 'n' ] ],
		'movedUpTo' => [ 'articlediff-ui-moved-up-to', [ 'n' ] ],
		'movedDownFrom' => [ 'articlediff-ui-moved-down-from', [ 'n' ] ],
		'movedUpFrom' => [ 'articlediff-ui-moved-up-from', [ 'n' ] ],
		'movedEdited' => [ 'articlediff-ui-moved-edited', [ 'move' ] ],
		'moveLinkLabel' => [ 'articlediff-ui-move-link-label', [ 'n', 'move' ] ],
		'splitInto' => [ 'articlediff-ui-split-into', self::COUNT ],
		'mergedFrom' => [ 'articlediff-ui-merged-from', self::COUNT ],
		'cosmeticChip' => [ 'articlediff-ui-cosmetic-chip', [] ],
		'formattingLabel' => [ 'articlediff-ui-formatting-label', [ 'description' ] ],
		'cosmeticChipTitle' => [ 'articlediff-ui-cosmetic-chip-title', [] ],
		'cosmeticSignTitle' => [ 'articlediff-ui-cosmetic-sign-title', [] ],
		'cosmeticNewTitle' => [ 'articlediff-ui-cosmetic-new-title', [] ],
		'cosmeticOldTitle' => [ 'articlediff-ui-cosmetic-old-title', [] ],
		'unchangedParagraphs' => [ 'articlediff-ui-unchanged-paragraphs', self::COUNT ],
		'bothEmpty' => [ 'articlediff-ui-both-empty', [] ],
	];

	/**
	 * Every string of the element, with `locale`.
	 *
	 * @param MessageLocalizer $context The reader's context (its language is the messages').
	 * @param Language $language The reader's interface language.
	 * @return array<string,string|array<string,string>>
	 */
	public static function forElement( MessageLocalizer $context, Language $language ): array {
		$strings = [ 'locale' => $language->getHtmlCode() ];
		$samples = self::pluralSamples( $language );
		foreach ( self::MESSAGES as $key => [ $message, $params ] ) {
			if ( $params === self::COUNT ) {
				$forms = [];
				foreach ( $samples as $category => $number ) {
					$text = $context->msg( $message )->numParams( $number )->text();
					$forms[$category] = str_replace( $language->formatNum( $number ), '{n}', $text );
				}
				$strings[$key] = $forms;
			} else {
				$strings[$key] = $context->msg( $message )->plaintextParams(
					array_map( static function ( string $name ): string {
						return '{' . $name . '}';
					}, $params )
				)->text();
			}
		}
		return $strings;
	}

	/**
	 * One number per plural category of `$language`: the smallest of 0–199 in it, and always
	 * `other` (some languages use it for fractions only; the element needs it as its fallback).
	 *
	 * @param Language $language
	 * @return array<string,int>
	 */
	private static function pluralSamples( Language $language ): array {
		$samples = [];
		for ( $n = 0; $n < 200; $n++ ) {
			$category = $language->getPluralRuleType( $n );
			if ( is_string( $category ) && !isset( $samples[$category] ) ) {
				$samples[$category] = $n;
			}
		}
		if ( !isset( $samples['other'] ) ) {
			$samples['other'] = $samples['many'] ?? ( $samples ? max( $samples ) : 5 );
		}
		return $samples;
	}
}
