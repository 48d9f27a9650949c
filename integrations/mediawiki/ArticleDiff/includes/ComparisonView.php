<?php
/**
 * The comparison of one diff page: whether it is shown and where, and its HTML.
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

use DifferenceEngine;
use Html;
use MediaWiki\MediaWikiServices;
use MediaWiki\Revision\RevisionRecord;
use MediaWiki\Revision\SlotRecord;
use OutputPage;
use SpecialPage;
use TextContent;
use Title;

/**
 * `<article-diff>` fed the two revisions' wikitext through `action=raw`, so the page carries
 * no text and no inline script: the element fetches both itself, with the reader's session,
 * and MediaWiki's own checks decide what the reader may fetch. Text only ever reaches the
 * page as text nodes (the element's rule), so hostile wikitext stays inert.
 *
 * The wikitext is diffed as text (`format="text"`), not rendered: it is what the editors wrote
 * and what MediaWiki's own diff compares, and an old revision rendered today would show today's
 * templates, not the ones it was saved with. The interface's words are the reader's, from the
 * extension's messages, in the element's JSON data block (data, never run).
 */
class ComparisonView {

	/** The user option. */
	public const PREFERENCE = 'articlediff-view';

	/** The request parameter that overrides it for one page view. */
	public const PARAMETER = 'articlediff';

	/** Above the table diff (the default). */
	public const ABOVE = 'above';

	/** Instead of the table diff. */
	public const REPLACE = 'replace';

	/** Not at all. */
	public const OFF = 'off';

	/** The element's entry module, relative to the extension folder: the npm package's `./define`, built there by integrations/build.mjs. */
	public const ELEMENT_ENTRY = 'lib/article-diff/article-diff-define.js';

	/** @var DifferenceEngine */
	private $engine;

	/** @var RevisionRecord|null */
	private $old;

	/** @var RevisionRecord */
	private $new;

	/** @var string self::ABOVE or self::REPLACE */
	private $mode;

	/**
	 * @param DifferenceEngine $engine
	 * @param RevisionRecord|null $old
	 * @param RevisionRecord $new
	 * @param string $mode
	 */
	private function __construct( DifferenceEngine $engine, ?RevisionRecord $old, RevisionRecord $new, string $mode ) {
		$this->engine = $engine;
		$this->old = $old;
		$this->new = $new;
		$this->mode = $mode;
	}

	/**
	 * The comparison for a diff, or null when there is none: the reader turned it off, a
	 * revision is unsaved (an edit preview), deleted, not text, or the element's files are
	 * missing.
	 *
	 * @param DifferenceEngine $engine With its revisions loaded.
	 * @return self|null
	 */
	public static function forDiff( DifferenceEngine $engine ): ?self {
		$mode = self::mode( $engine );
		if ( $mode === self::OFF || !self::elementAvailable() ) {
			return null;
		}
		$new = $engine->getNewRevision();
		$old = $engine->getOldRevision();
		if ( !$new || !self::isComparable( $new ) || ( $old && !self::isComparable( $old ) ) ) {
			return null;
		}
		// The element compares the main slot only: the table must stay for any other slot.
		if ( $mode === self::REPLACE && !self::mainSlotOnly( $new, $old ) ) {
			$mode = self::ABOVE;
		}
		return new self( $engine, $old, $new, $mode );
	}

	/**
	 * Whether the table's own rows are left out.
	 *
	 * @return bool
	 */
	public function replacesTable(): bool {
		return $this->mode === self::REPLACE;
	}

	/**
	 * Loads the element and the extension's styles into the page.
	 *
	 * @param OutputPage $out
	 */
	public function addModules( OutputPage $out ): void {
		$out->addModuleStyles( [ 'ext.articleDiff.styles' ] );
		$attributes = [ 'type' => 'module', 'src' => self::elementUrl() ];
		$nonce = $out->getCSP()->getNonce();
		if ( $nonce !== false ) {
			$attributes['nonce'] = $nonce;
		}
		$out->addHeadItem( 'ext.articleDiff.element', Html::element( 'script', $attributes ) );
	}

	/**
	 * The diff table's row holding the comparison.
	 *
	 * @return string HTML
	 */
	public function tableRow(): string {
		$language = $this->engine->getDiffLang();
		$element = Html::rawElement( 'article-diff', [
			'old-src' => $this->old ? self::rawUrl( $this->old ) : false,
			'new-src' => self::rawUrl( $this->new ),
			'old-label' => $this->old ? $this->label( $this->old ) : $this->engine->msg( 'articlediff-no-old' )->text(),
			'new-label' => $this->label( $this->new ),
			// Wikitext, compared as the text it is (see the class comment).
			'format' => 'text',
			// The texts are in the page's language; the controls' words (the data block) in the reader's.
			'lang' => $language->getHtmlCode(),
			'dir' => $language->getDir(),
			// The skin's colour scheme: MediaWiki 1.39's skins declare none and stay light
			// whatever the system prefers; a skin or gadget that declares dark gets dark.
			'theme' => 'page',
		], $this->dataBlock() );
		$nojs = Html::element( 'p', [ 'class' => 'mw-articlediff-nojs' ], $this->engine->msg( 'articlediff-nojs' )->text() );
		$links = Html::rawElement( 'p', [ 'class' => 'mw-articlediff-links' ], $this->links() );
		$block = Html::rawElement( 'div', [ 'class' => 'mw-articlediff' ], $element . $nojs . $links );
		return Html::rawElement( 'tr', [ 'class' => 'mw-articlediff-row' ],
			Html::rawElement( 'td', [ 'colspan' => 4, 'class' => 'mw-articlediff-cell' ], $block )
		);
	}

	/**
	 * The element's data block: the interface's strings in the reader's language. `<`, `>` and
	 * `&` are written as \u escapes, so nothing in it can end the `<script>`.
	 *
	 * @return string HTML, '' when the strings cannot be encoded
	 */
	private function dataBlock(): string {
		$json = json_encode(
			[ 'strings' => ElementStrings::forElement( $this->engine, $this->engine->getLanguage() ) ],
			JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
		);
		return $json === false ? '' : Html::rawElement( 'script', [ 'type' => 'application/json' ], $json );
	}

	/**
	 * The links under the comparison: the other place for it (this page view only) and the
	 * preference.
	 *
	 * @return string HTML
	 */
	private function links(): string {
		$query = $this->engine->getRequest()->getQueryValuesOnly();
		unset( $query['title'] );
		$query[self::PARAMETER] = $this->replacesTable() ? self::ABOVE : self::REPLACE;
		$other = Html::element( 'a', [
			'href' => $this->engine->getTitle()->getLocalURL( $query ),
			'class' => 'mw-articlediff-switch',
		], $this->engine->msg( $this->replacesTable() ? 'articlediff-link-above' : 'articlediff-link-replace' )->text() );
		$preferences = Html::element( 'a', [
			'href' => SpecialPage::getTitleFor( 'Preferences' )->getLocalURL() . '#mw-prefsection-rendering',
		], $this->engine->msg( 'articlediff-link-preferences' )->text() );
		return $other . $this->engine->msg( 'pipe-separator' )->escaped() . $preferences;
	}

	/**
	 * A column heading: the revision header the diff page shows ("Revision as of …") and its
	 * author, as plain text (Html::element escapes it).
	 *
	 * @param RevisionRecord $revision
	 * @return string
	 */
	private function label( RevisionRecord $revision ): string {
		$language = $this->engine->getLanguage();
		$user = $this->engine->getUser();
		$timestamp = $revision->getTimestamp();
		$header = $this->engine->msg(
			$revision->isCurrent() ? 'currentrev-asof' : 'revisionasof',
			$language->userTimeAndDate( $timestamp, $user ),
			$language->userDate( $timestamp, $user ),
			$language->userTime( $timestamp, $user )
		)->text();
		$author = $revision->getUser( RevisionRecord::FOR_THIS_USER, $this->engine->getAuthority() );
		return $author
			? $this->engine->msg( 'articlediff-label' )->plaintextParams( $header, $author->getName() )->text()
			: $header;
	}

	/**
	 * Where the reader's choice is: this page view's parameter, else the preference.
	 *
	 * @param DifferenceEngine $engine
	 * @return string self::ABOVE, self::REPLACE or self::OFF
	 */
	private static function mode( DifferenceEngine $engine ): string {
		$modes = [ self::ABOVE, self::REPLACE, self::OFF ];
		$asked = $engine->getRequest()->getVal( self::PARAMETER );
		if ( in_array( $asked, $modes, true ) ) {
			return $asked;
		}
		$preferred = MediaWikiServices::getInstance()->getUserOptionsLookup()
			->getOption( $engine->getUser(), self::PREFERENCE );
		return in_array( $preferred, $modes, true ) ? $preferred : self::ABOVE;
	}

	/**
	 * Whether `action=raw` will serve the revision's text to anyone who may read the page:
	 * it is saved, its text is not deleted, and its main slot is text.
	 *
	 * @param RevisionRecord $revision
	 * @return bool
	 */
	private static function isComparable( RevisionRecord $revision ): bool {
		if ( !$revision->getId() || $revision->isDeleted( RevisionRecord::DELETED_TEXT ) ) {
			return false;
		}
		$content = $revision->getContent( SlotRecord::MAIN, RevisionRecord::RAW );
		return $content instanceof TextContent;
	}

	/**
	 * @param RevisionRecord $new
	 * @param RevisionRecord|null $old
	 * @return bool
	 */
	private static function mainSlotOnly( RevisionRecord $new, ?RevisionRecord $old ): bool {
		foreach ( array_filter( [ $new, $old ] ) as $revision ) {
			if ( $revision->getSlotRoles() !== [ SlotRecord::MAIN ] ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param RevisionRecord $revision
	 * @return string
	 */
	private static function rawUrl( RevisionRecord $revision ): string {
		return Title::newFromLinkTarget( $revision->getPageAsLinkTarget() )
			->getLocalURL( [ 'action' => 'raw', 'oldid' => $revision->getId() ] );
	}

	/**
	 * @return string
	 */
	private static function elementUrl(): string {
		$file = dirname( __DIR__ ) . '/' . self::ELEMENT_ENTRY;
		$assets = MediaWikiServices::getInstance()->getMainConfig()->get( 'ExtensionAssetsPath' );
		// The version busts caches when the element is rebuilt; its own imports are relative.
		return $assets . '/' . basename( dirname( __DIR__ ) ) . '/' . self::ELEMENT_ENTRY . '?v=' . (int)@filemtime( $file );
	}

	/**
	 * Whether the element's files are in the extension (a checkout without the build step has
	 * none: the table diff is then left as it is).
	 *
	 * @return bool
	 */
	private static function elementAvailable(): bool {
		return is_readable( dirname( __DIR__ ) . '/' . self::ELEMENT_ENTRY );
	}
}
