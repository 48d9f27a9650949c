<?php
/**
 * Installs WordPress for the CMS suite through its own PHP API (wp_install), activates the
 * article-diff plugin and stores the suite's posts with their revisions. Run by
 * tests/cms/wordpress.test.mjs with php-cli; reads its input as JSON on stdin and prints
 * what it made as JSON:
 *
 *   in:  {title, admin: {login, password, email}, editor: {login, password, email, name},
 *         plugin, posts: [{key, title, revisions: [content…], authors: [login…], hostileAuthor?}],
 *         hostileName}
 *   out: {posts: {key: {id, revisions: [id…]}}, users: {login: id}}
 *
 * WORDPRESS_CONFIG (environment) names the /etc/wordpress/config-*.php file to use.
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$input = json_decode( stream_get_contents( STDIN ), true, 16, JSON_THROW_ON_ERROR );

// Debian's wp-config.php reads the config name from $_SERVER and the host from HTTP_HOST.
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Fails the set-up with a message on stderr.
 *
 * @param string $message What went wrong.
 */
function setup_fail( $message ) {
	fwrite( STDERR, "setup.php: $message\n" );
	exit( 1 );
}

$installed = wp_install( $input['title'], $input['admin']['login'], $input['admin']['email'], false, '', wp_slash( $input['admin']['password'] ) );
if ( empty( $installed['user_id'] ) ) {
	setup_fail( 'wp_install() made no user' );
}
$users = array( $input['admin']['login'] => (int) $installed['user_id'] );

$editor_id = wp_insert_user(
	array(
		'user_login'   => $input['editor']['login'],
		'user_pass'    => $input['editor']['password'],
		'user_email'   => $input['editor']['email'],
		'display_name' => $input['editor']['name'],
		'role'         => 'editor',
	)
);
if ( is_wp_error( $editor_id ) ) {
	setup_fail( 'the editor: ' . $editor_id->get_error_message() );
}
$users[ $input['editor']['login'] ] = $editor_id;

$activated = activate_plugin( $input['plugin'] );
if ( is_wp_error( $activated ) ) {
	setup_fail( 'activate_plugin: ' . $activated->get_error_message() );
}

// Revisions are stored by an administrator, who may post any markup (unfiltered_html); the
// hostile post must reach the database as written.
$posts = array();
foreach ( $input['posts'] as $spec ) {
	$revision_ids = array();
	$post_id      = 0;
	foreach ( $spec['revisions'] as $i => $content ) {
		wp_set_current_user( $users[ $spec['authors'][ $i ] ] );
		$postarr = array(
			'post_title'   => $spec['title'],
			'post_content' => wp_slash( $content ),
			'post_status'  => 'publish',
			'post_type'    => 'post',
			'post_author'  => $users[ $spec['authors'][0] ],
		);
		if ( 0 === $i ) {
			$post_id = wp_insert_post( $postarr, true );
			if ( is_wp_error( $post_id ) ) {
				setup_fail( $post_id->get_error_message() );
			}
			// A new post has no revision until it is updated; store the first version as one.
			$revision_id = wp_save_post_revision( $post_id );
		} else {
			$postarr['ID'] = $post_id;
			$updated       = wp_update_post( $postarr, true );
			if ( is_wp_error( $updated ) ) {
				setup_fail( $updated->get_error_message() );
			}
			$latest      = wp_get_post_revisions( $post_id, array( 'numberposts' => 1 ) );
			$revision_id = $latest ? (int) key( $latest ) : 0;
		}
		if ( ! $revision_id || get_post( $revision_id )->post_content !== $content ) {
			setup_fail( "revision $i of {$spec['key']} was not stored as written" );
		}
		$revision_ids[] = (int) $revision_id;
	}
	// Spread the revisions over days, as a real article's are (and in order: the screen sorts by date).
	global $wpdb;
	foreach ( $revision_ids as $i => $revision_id ) {
		$date = gmdate( 'Y-m-d H:i:s', strtotime( '2024-03-19 09:12:00 UTC' ) + $i * ( 86400 + 5 * 3600 + 18 * 60 ) );
		$wpdb->update(
			$wpdb->posts,
			array(
				'post_date'         => $date,
				'post_date_gmt'     => $date,
				'post_modified'     => $date,
				'post_modified_gmt' => $date,
			),
			array( 'ID' => $revision_id )
		);
		clean_post_cache( $revision_id );
	}
	$posts[ $spec['key'] ] = array(
		'id'        => (int) $post_id,
		'revisions' => $revision_ids,
	);
}

// A display name that is markup: WordPress strips tags when it saves one, so write it directly;
// whatever prints it must escape it.
if ( ! empty( $input['hostileName'] ) ) {
	global $wpdb;
	$wpdb->insert(
		$wpdb->users,
		array(
			'user_login'      => 'mallory',
			'user_pass'       => wp_hash_password( wp_generate_password() ),
			'user_email'      => 'mallory@example.org',
			'user_registered' => gmdate( 'Y-m-d H:i:s' ),
			'display_name'    => $input['hostileName'],
		)
	);
	$mallory = (int) $wpdb->insert_id;
	$hostile = $posts['hostile']['revisions'];
	$wpdb->update( $wpdb->posts, array( 'post_author' => $mallory ), array( 'ID' => end( $hostile ) ) );
	clean_post_cache( end( $hostile ) );
	$users['mallory'] = $mallory;
}

echo wp_json_encode(
	array(
		'posts' => $posts,
		'users' => $users,
	)
);
