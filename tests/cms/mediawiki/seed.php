<?php
/**
 * Stores the MediaWiki suite's users and pages (tests/cms/mediawiki.test.mjs): a maintenance
 * script, run with MW_CONFIG_FILE naming the suite's LocalSettings.php. Reads JSON on stdin,
 * prints what it made as JSON:
 *
 *   in:  {users: [{name, password, groups}],
 *         pages: [{key, title, revisions: [wikitext…], authors: [name…], timestamps: [unix seconds…]}]}
 *   out: {pages: {key: {title, revisions: [id…]}}}
 */

use MediaWiki\MediaWikiServices;
use MediaWiki\Revision\SlotRecord;

require_once ( getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki' ) . '/maintenance/Maintenance.php';

/**
 * The seed script.
 */
class SeedArticleDiffSuite extends Maintenance {

	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Stores the article-diff CMS suite\'s users and pages (JSON on stdin).' );
	}

	public function execute() {
		$input = json_decode( stream_get_contents( STDIN ), true, 16, JSON_THROW_ON_ERROR );
		$services = MediaWikiServices::getInstance();

		$users = [];
		foreach ( $input['users'] as $spec ) {
			$user = User::createNew( $spec['name'] );
			if ( !$user ) {
				$this->fatalError( "could not create the user {$spec['name']}" );
			}
			$status = $user->changeAuthenticationData( [
				'username' => $spec['name'],
				'password' => $spec['password'],
				'retype' => $spec['password'],
			] );
			if ( !$status->isGood() ) {
				$this->fatalError( "password of {$spec['name']}: " . $status->getWikiText( false, false, 'en' ) );
			}
			foreach ( $spec['groups'] as $group ) {
				$services->getUserGroupManager()->addUserToGroup( $user, $group );
			}
			$users[$spec['name']] = $user;
		}

		$pages = [];
		foreach ( $input['pages'] as $spec ) {
			$title = Title::newFromText( $spec['title'] );
			$ids = [];
			foreach ( $spec['revisions'] as $i => $text ) {
				$page = $services->getWikiPageFactory()->newFromTitle( $title );
				$updater = $page->newPageUpdater( $users[$spec['authors'][$i]] );
				$updater->setContent( SlotRecord::MAIN, new WikitextContent( $text ) );
				$revision = $updater->saveRevision( CommentStoreComment::newUnsavedComment( 'Revision ' . ( $i + 1 ) ) );
				if ( !$revision || !$updater->getStatus()->isOK() ) {
					$this->fatalError( "revision $i of {$spec['title']}: " . $updater->getStatus()->getWikiText( false, false, 'en' ) );
				}
				$ids[] = $revision->getId();
			}
			// Spread the revisions over days, as a real article's are (in the order they were saved).
			$dbw = $services->getDBLoadBalancer()->getConnection( DB_PRIMARY );
			foreach ( $ids as $i => $id ) {
				$dbw->update( 'revision', [ 'rev_timestamp' => $dbw->timestamp( $spec['timestamps'][$i] ) ],
					[ 'rev_id' => $id ], __METHOD__ );
			}
			$pages[$spec['key']] = [ 'title' => $title->getPrefixedDBkey(), 'revisions' => $ids ];
		}
		$this->output( json_encode( [ 'pages' => $pages ] ) );
	}
}

$maintClass = SeedArticleDiffSuite::class;
require_once RUN_MAINTENANCE_IF_MAIN;
