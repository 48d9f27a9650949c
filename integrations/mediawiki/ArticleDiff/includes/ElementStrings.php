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
use Message;
use MessageLocalizer;
use RawMessage;
use Sanitizer;

/**
 * The element's templates name their placeholders (`{n}`, `{move}`) where messages number
 * them ($1, $2): each parameter is given as the element's name for it. A count's message is
 * rendered once per CLDR plural category of the reader's language (MediaWiki's plural rules
 * are CLDR's): its {{PLURAL:$k|…}} is given a number of that category, and every other `$k`
 * is `{n}` before it is rendered (`countAsPlaceholder`), so a translation's plural forms become
 * the element's, and a digit the translation holds is never taken for the count.
 */
class ElementStrings {

	/**
	 * Among a string's parameter names, the number a count's plural form is chosen by; the
	 * element's name for it is `{n}`. Not a word, so never one of the element's names.
	 */
	private const COUNT = '#count';

	/**
	 * Element string => [ message key, the element's names of $1, $2… ], in the order of
	 * www/article-diff-strings.js. tests/cms/strings.test.mjs holds this table to the element's.
	 */
	private const MESSAGES = [
		'oldVersion' => [ 'articlediff-ui-old-version', [] ],
		'newVersion' => [ 'articlediff-ui-new-version', [] ],
		'differences' => [ 'articlediff-ui-differences', [] ],
		'differencesBetween' => [ 'articlediff-ui-differences-between', [ 'old', 'new' ] ],
		'changeColumn' => [ 'articlediff-ui-change-column', [] ],
		'bothColumn' => [ 'articlediff-ui-both-column', [ 'old', 'new' ] ],
		'sideBySide' => [ 'articlediff-ui-side-by-side', [] ],
		'inline' => [ 'articlediff-ui-inline', [] ],
		'viewGroup' => [ 'articlediff-ui-view-group', [] ],
		'changesGroup' => [ 'articlediff-ui-changes-group', [] ],
		'previous' => [ 'articlediff-ui-previous', [] ],
		'next' => [ 'articlediff-ui-next', [] ],
		'previousTitle' => [ 'articlediff-ui-previous-title', [] ],
		'nextTitle' => [ 'articlediff-ui-next-title', [] ],
		'hideCosmetic' => [ 'articlediff-ui-hide-cosmetic', [] ],
		'hideFormatting' => [ 'articlediff-ui-hide-formatting', [] ],
		'formattingCount' => [ 'articlediff-ui-formatting-count', [ self::COUNT ] ],
		'hideCosmeticTitle' => [ 'articlediff-ui-hide-cosmetic-title', [] ],
		'cosmeticCount' => [ 'articlediff-ui-cosmetic-count', [ self::COUNT ] ],
		'onlyChanges' => [ 'articlediff-ui-only-changes', [] ],
		'onlyChangesTitle' => [ 'articlediff-ui-only-changes-title', [] ],
		'expandAll' => [ 'articlediff-ui-expand-all', [] ],
		'foldAll' => [ 'articlediff-ui-fold-all', [] ],
		'legend' => [ 'articlediff-ui-legend', [] ],
		'closeLegend' => [ 'articlediff-ui-close-legend', [] ],
		'copy' => [ 'articlediff-ui-copy', [] ],
		'copyTitle' => [ 'articlediff-ui-copy-title', [] ],
		'copied' => [ 'articlediff-ui-copied', [] ],
		'copyFailed' => [ 'articlediff-ui-copy-failed', [] ],
		'nothingToCopy' => [ 'articlediff-ui-nothing-to-copy', [] ],
		'download' => [ 'articlediff-ui-download', [] ],
		'downloadTitle' => [ 'articlediff-ui-download-title', [] ],
		'options' => [ 'articlediff-ui-options', [] ],
		'comparing' => [ 'articlediff-ui-comparing', [] ],
		'noChanges' => [ 'articlediff-ui-no-changes', [] ],
		'changeCount' => [ 'articlediff-ui-change-count', [ self::COUNT ] ],
		'counter' => [ 'articlediff-ui-counter', [ 'current', 'count' ] ],
		'noDifferences' => [ 'articlediff-ui-no-differences', [] ],
		'wordsInserted' => [ 'articlediff-ui-words-inserted', [ self::COUNT ] ],
		'wordsInsertedTitle' => [ 'articlediff-ui-words-inserted-title', [] ],
		'wordsDeleted' => [ 'articlediff-ui-words-deleted', [ self::COUNT ] ],
		'wordsDeletedTitle' => [ 'articlediff-ui-words-deleted-title', [] ],
		'paragraphsChanged' => [ 'articlediff-ui-paragraphs-changed', [ self::COUNT ] ],
		'paragraphsInserted' => [ 'articlediff-ui-paragraphs-inserted', [ self::COUNT ] ],
		'paragraphsInsertedTitle' => [ 'articlediff-ui-paragraphs-inserted-title', [] ],
		'paragraphsDeleted' => [ 'articlediff-ui-paragraphs-deleted', [ self::COUNT ] ],
		'paragraphsDeletedTitle' => [ 'articlediff-ui-paragraphs-deleted-title', [] ],
		'paragraphsMoved' => [ 'articlediff-ui-paragraphs-moved', [ self::COUNT ] ],
		'paragraphsMovedTitle' => [ 'articlediff-ui-paragraphs-moved-title', [] ],
		'paragraphsSplit' => [ 'articlediff-ui-paragraphs-split', [ self::COUNT ] ],
		'paragraphsSplitTitle' => [ 'articlediff-ui-paragraphs-split-title', [] ],
		'paragraphsMerged' => [ 'articlediff-ui-paragraphs-merged', [ self::COUNT ] ],
		'paragraphsMergedTitle' => [ 'articlediff-ui-paragraphs-merged-title', [] ],
		'formattingChanges' => [ 'articlediff-ui-formatting-changes', [ self::COUNT ] ],
		'formattingChangesTitle' => [ 'articlediff-ui-formatting-changes-title', [] ],
		'approximate' => [ 'articlediff-ui-approximate', [ 'detail' ] ],
		'approximateDetail' => [ 'articlediff-ui-approximate-detail', [] ],
		'unrelatedNotice' => [ 'articlediff-ui-unrelated-notice', [ 'percent' ] ],
		'unrelatedAlignedNotice' => [ 'articlediff-ui-unrelated-aligned-notice', [ 'percent' ] ],
		'sharedPercent' => [ 'articlediff-ui-shared-percent', [ 'n' ] ],
		'sharedUnderOnePercent' => [ 'articlediff-ui-shared-under-one-percent', [] ],
		'alignAnyway' => [ 'articlediff-ui-align-anyway', [] ],
		'showOneAfterOther' => [ 'articlediff-ui-show-one-after-other', [] ],
		'stackedOld' => [ 'articlediff-ui-stacked-old', [ self::COUNT ] ],
		'stackedNew' => [ 'articlediff-ui-stacked-new', [ self::COUNT ] ],
		'wordCount' => [ 'articlediff-ui-word-count', [ self::COUNT ] ],
		'oldPartTitle' => [ 'articlediff-ui-old-part-title', [ 'label' ] ],
		'newPartTitle' => [ 'articlediff-ui-new-part-title', [ 'label' ] ],
		'paragraphCount' => [ 'articlediff-ui-paragraph-count', [ self::COUNT ] ],
		'rowChanged' => [ 'articlediff-ui-row-changed', [] ],
		'rowCosmetic' => [ 'articlediff-ui-row-cosmetic', [] ],
		'rowFormatting' => [ 'articlediff-ui-row-formatting', [] ],
		'rowSplit' => [ 'articlediff-ui-row-split', [] ],
		'rowMerged' => [ 'articlediff-ui-row-merged', [] ],
		'rowInserted' => [ 'articlediff-ui-row-inserted', [] ],
		'rowDeleted' => [ 'articlediff-ui-row-deleted', [] ],
		'rowMovedAway' => [ 'articlediff-ui-row-moved-away', [] ],
		'rowMoved' => [ 'articlediff-ui-row-moved', [] ],
		'rowEqual' => [ 'articlediff-ui-row-equal', [] ],
		'rowUnchanged' => [ 'articlediff-ui-row-unchanged', [] ],
		'oldParagraphNumber' => [ 'articlediff-ui-old-paragraph-number', [ 'n' ] ],
		'newParagraphNumber' => [ 'articlediff-ui-new-paragraph-number', [ 'n' ] ],
		'notInOld' => [ 'articlediff-ui-not-in-old', [] ],
		'notInNew' => [ 'articlediff-ui-not-in-new', [] ],
		'cellLabelled' => [ 'articlediff-ui-cell-labelled', [ 'label' ] ],
		'cellLabelsBoth' => [ 'articlediff-ui-cell-labels-both', [ 'old', 'new' ] ],
		'oldParagraph' => [ 'articlediff-ui-old-paragraph', [] ],
		'newParagraph' => [ 'articlediff-ui-new-paragraph', [] ],
		'movedDownTo' => [ 'articlediff-ui-moved-down-to', [ 'n' ] ],
		'movedUpTo' => [ 'articlediff-ui-moved-up-to', [ 'n' ] ],
		'movedDownFrom' => [ 'articlediff-ui-moved-down-from', [ 'n' ] ],
		'movedUpFrom' => [ 'articlediff-ui-moved-up-from', [ 'n' ] ],
		'movedEdited' => [ 'articlediff-ui-moved-edited', [ 'move' ] ],
		'moveLinkLabel' => [ 'articlediff-ui-move-link-label', [ 'n', 'move' ] ],
		'moveLinkBefore' => [ 'articlediff-ui-move-link-before', [] ],
		'moveLinkAfter' => [ 'articlediff-ui-move-link-after', [ 'where' ] ],
		'otherEndBelow' => [ 'articlediff-ui-other-end-below', [] ],
		'otherEndAbove' => [ 'articlediff-ui-other-end-above', [] ],
		'splitInto' => [ 'articlediff-ui-split-into', [ self::COUNT ] ],
		'mergedFrom' => [ 'articlediff-ui-merged-from', [ self::COUNT ] ],
		'formattingLabel' => [ 'articlediff-ui-formatting-label', [ 'description' ] ],
		'cosmeticChip' => [ 'articlediff-ui-cosmetic-chip', [] ],
		'cosmeticChipTitle' => [ 'articlediff-ui-cosmetic-chip-title', [] ],
		'cosmeticSignTitle' => [ 'articlediff-ui-cosmetic-sign-title', [] ],
		'formattingSignTitle' => [ 'articlediff-ui-formatting-sign-title', [] ],
		'cosmeticNewTitle' => [ 'articlediff-ui-cosmetic-new-title', [] ],
		'cosmeticOldTitle' => [ 'articlediff-ui-cosmetic-old-title', [] ],
		'unchangedParagraphs' => [ 'articlediff-ui-unchanged-paragraphs', [ self::COUNT ] ],
		'foldUnchanged' => [ 'articlediff-ui-fold-unchanged', [ self::COUNT ] ],
		'foldHiddenFormatting' => [ 'articlediff-ui-fold-hidden-formatting', [ self::COUNT ] ],
		'foldHiddenCosmetic' => [ 'articlediff-ui-fold-hidden-cosmetic', [ self::COUNT ] ],
		'foldParagraphs' => [ 'articlediff-ui-fold-paragraphs', [ self::COUNT ] ],
		'spaceAdded' => [ 'articlediff-ui-space-added', [] ],
		'spaceRemoved' => [ 'articlediff-ui-space-removed', [] ],
		'spacesAdded' => [ 'articlediff-ui-spaces-added', [] ],
		'spacesRemoved' => [ 'articlediff-ui-spaces-removed', [] ],
		'lineBreakAdded' => [ 'articlediff-ui-line-break-added', [] ],
		'lineBreakRemoved' => [ 'articlediff-ui-line-break-removed', [] ],
		'paragraphBreakAdded' => [ 'articlediff-ui-paragraph-break-added', [] ],
		'paragraphBreakRemoved' => [ 'articlediff-ui-paragraph-break-removed', [] ],
		'minimapChange' => [ 'articlediff-ui-minimap-change', [ 'n' ] ],
		'minimapMovedAway' => [ 'articlediff-ui-minimap-moved-away', [] ],
		'legendWords' => [ 'articlediff-ui-legend-words', [] ],
		'legendNewWordsSample' => [ 'articlediff-ui-legend-new-words-sample', [] ],
		'legendOldWordsSample' => [ 'articlediff-ui-legend-old-words-sample', [] ],
		'legendInserted' => [ 'articlediff-ui-legend-inserted', [] ],
		'legendDeleted' => [ 'articlediff-ui-legend-deleted', [] ],
		'legendCosmetic' => [ 'articlediff-ui-legend-cosmetic', [] ],
		'legendWhitespace' => [ 'articlediff-ui-legend-whitespace', [] ],
		'legendFormattingSample' => [ 'articlediff-ui-legend-formatting-sample', [] ],
		'legendFormatting' => [ 'articlediff-ui-legend-formatting', [] ],
		'legendParagraphs' => [ 'articlediff-ui-legend-paragraphs', [] ],
		'legendSigns' => [ 'articlediff-ui-legend-signs', [] ],
		'legendSignInline' => [ 'articlediff-ui-legend-sign-inline', [] ],
		'legendSignCosmetic' => [ 'articlediff-ui-legend-sign-cosmetic', [] ],
		'legendSignFormatting' => [ 'articlediff-ui-legend-sign-formatting', [] ],
		'legendMovedSample' => [ 'articlediff-ui-legend-moved-sample', [] ],
		'legendMoved' => [ 'articlediff-ui-legend-moved', [] ],
		'legendSplit' => [ 'articlediff-ui-legend-split', [] ],
		'legendEmpty' => [ 'articlediff-ui-legend-empty', [] ],
		'legendFold' => [ 'articlediff-ui-legend-fold', [] ],
		'legendFindingYourWay' => [ 'articlediff-ui-legend-finding-your-way', [] ],
		'legendCurrent' => [ 'articlediff-ui-legend-current', [] ],
		'legendMinimap' => [ 'articlediff-ui-legend-minimap', [] ],
		'exportOldPart' => [ 'articlediff-ui-export-old-part', [ 'label', self::COUNT ] ],
		'exportNewPart' => [ 'articlediff-ui-export-new-part', [ 'label', self::COUNT ] ],
		'exportGenerated' => [ 'articlediff-ui-export-generated', [ 'date' ] ],
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
			if ( in_array( self::COUNT, $params, true ) ) {
				$forms = [];
				foreach ( $samples as $category => $number ) {
					$forms[$category] = self::text( $context, $message, $params, $number );
				}
				$strings[$key] = $forms;
			} else {
				$strings[$key] = self::text( $context, $message, $params, null );
			}
		}
		return $strings;
	}

	/**
	 * One message as the element's template: each parameter given as `{name}`, the count (if
	 * any) as `$number` to {{PLURAL}} and as `{n}` everywhere else. Character references are
	 * decoded, as the element shows its strings as text: a message keeps a space at either end
	 * as `&#32;`, as MediaWiki's own messages do.
	 *
	 * @param MessageLocalizer $context
	 * @param string $message
	 * @param string[] $params The element's names of $1, $2…, or self::COUNT.
	 * @param int|null $number The count.
	 * @return string
	 */
	private static function text( MessageLocalizer $context, string $message, array $params, ?int $number ): string {
		$values = array_map( static function ( string $name ) use ( $number ) {
			return $name === self::COUNT ? Message::numParam( $number ) : Message::plaintextParam( '{' . $name . '}' );
		}, $params );
		$msg = $context->msg( $message );
		$count = array_search( self::COUNT, $params, true );
		if ( $count !== false ) {
			// The message's own wikitext in the language it was found in, each parameter still
			// `$k` (given as itself, so that uselang=qqx lists them too).
			$unsubstituted = array_map( static function ( int $k ) {
				return Message::rawParam( '$' . $k );
			}, range( 1, count( $params ) ) );
			$wikitext = self::countAsPlaceholder( $msg->params( $unsubstituted )->plain(), $count + 1 );
			$msg = ( new RawMessage( $wikitext ) )->inLanguage( $msg->getLanguage() );
		}
		return Sanitizer::decodeCharReferences( $msg->params( $values )->text() );
	}

	/**
	 * `$wikitext` with each `$k` that is not {{PLURAL}}'s number written as the element's `{n}`:
	 * {{PLURAL:$k|…}} still chooses its form by the count, and the count shows as `{n}`
	 * wherever the translation puts it, in a form or outside one.
	 *
	 * @param string $wikitext A message's text, its parameters unsubstituted.
	 * @param int $k The count's parameter number.
	 * @return string
	 */
	private static function countAsPlaceholder( string $wikitext, int $k ): string {
		return preg_replace( '/(?<!\{\{PLURAL:)\$' . $k . '(?!\d)/i', '{n}', $wikitext );
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
