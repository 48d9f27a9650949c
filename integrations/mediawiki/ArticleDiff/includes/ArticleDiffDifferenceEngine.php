<?php
/**
 * MediaWiki's diff engine with the article-diff comparison in its table.
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

use DifferenceEngine;

/**
 * Adds one row right under the revision headers of the diff table, holding the comparison;
 * the table's own rows follow it ("above") or are left out ("replace", which then also
 * spares computing them). Only on a page that shows the diff (showDiff): a feed or an API
 * module asking for the diff HTML gets MediaWiki's own. Everything else is MediaWiki's
 * own engine.
 */
class ArticleDiffDifferenceEngine extends DifferenceEngine {

	/** @var bool Whether the diff being made is shown on the page. */
	private $showingOnPage = false;

	/**
	 * @param string|false $otitle Header for old text or false
	 * @param string|false $ntitle Header for new text or false
	 * @param string $notice HTML between diff header and body
	 * @return bool
	 */
	public function showDiff( $otitle, $ntitle, $notice = '' ) {
		$this->showingOnPage = true;
		try {
			return parent::showDiff( $otitle, $ntitle, $notice );
		} finally {
			$this->showingOnPage = false;
		}
	}

	/**
	 * @param string|false $otitle Header for old text or false
	 * @param string|false $ntitle Header for new text or false
	 * @param string $notice HTML between diff header and body
	 * @return string|false
	 */
	public function getDiff( $otitle, $ntitle, $notice = '' ) {
		$view = $this->showingOnPage ? ComparisonView::forDiff( $this ) : null;
		if ( $view === null ) {
			return parent::getDiff( $otitle, $ntitle, $notice );
		}
		$body = '';
		if ( !$view->replacesTable() ) {
			$body = $this->getDiffBody();
			if ( $body === false ) {
				return false;
			}
			if ( $body === '' ) {
				$notice .= '<div class="mw-diff-empty">' . $this->msg( 'diff-empty' )->parse() . "</div>\n";
			}
		}
		$view->addModules( $this->getOutput() );
		return $this->addHeader(
			$view->tableRow() . $body, $otitle, $ntitle, $this->getMultiNotice(), $notice
		);
	}
}
