<?php
/**
 * Hook handlers of the ArticleDiff extension.
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

use DifferenceEngine;
use MediaWiki\Content\Hook\GetDifferenceEngineHook;
use MediaWiki\Preferences\Hook\GetPreferencesHook;

/**
 * Puts the comparison on diff pages and its setting in the preferences.
 */
class Hooks implements GetDifferenceEngineHook, GetPreferencesHook {

	/**
	 * Swaps MediaWiki's own diff engine for one that adds the comparison to the diff table.
	 * An engine of another class (a content model's own, or another extension's) is left alone,
	 * and so is one made without a new revision: ContentHandler makes such an engine only to
	 * learn whether a content model customised its engine, and a swapped one would make
	 * MediaWiki wrap it as a slot diff renderer, which fails. Diff pages, comparison pages and
	 * rollback always name the new revision.
	 *
	 * @param \IContextSource $context
	 * @param int $old
	 * @param int|string $new
	 * @param bool $refreshCache
	 * @param bool $unhide
	 * @param DifferenceEngine &$differenceEngine
	 */
	public function onGetDifferenceEngine(
		$context, $old, $new, $refreshCache, $unhide, &$differenceEngine
	) {
		if ( $new && get_class( $differenceEngine ) === DifferenceEngine::class ) {
			$differenceEngine = new ArticleDiffDifferenceEngine(
				$context, $old, $new, 0, $refreshCache, $unhide
			);
		}
	}

	/**
	 * The "where the comparison appears" preference, with the other diff settings.
	 *
	 * @param \User $user
	 * @param array &$preferences
	 */
	public function onGetPreferences( $user, &$preferences ) {
		$preferences[ComparisonView::PREFERENCE] = [
			'type' => 'radio',
			'section' => 'rendering/diffs',
			'label-message' => 'articlediff-pref-view',
			'options-messages' => [
				'articlediff-pref-view-above' => ComparisonView::ABOVE,
				'articlediff-pref-view-replace' => ComparisonView::REPLACE,
				'articlediff-pref-view-off' => ComparisonView::OFF,
			],
		];
	}
}
