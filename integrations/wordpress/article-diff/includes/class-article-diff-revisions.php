<?php
/**
 * The revisions screen's content comparison: replaces the classic table of the post_content
 * field with `<article-diff>`, fed the two revisions' raw content (block comments included).
 *
 * The texts, and the interface's words in the user's language, travel as the element's JSON
 * data block (`<script type="application/json">` is data, never run), which the element reads
 * itself: no inline script, and the element's own rule that text only ever becomes text nodes
 * keeps hostile content inert.
 * The screen loads its comparisons over admin-ajax as the slider moves; the same filter
 * serves both, so single and compare mode work alike.
 *
 * @package ArticleDiff
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the comparison markup for the revisions screen.
 */
final class Article_Diff_Revisions {

	/** The revisioned field drawn by article-diff; title and excerpt keep the classic table. */
	const FIELD = 'post_content';

	/** Flags that keep a JSON text inert inside HTML: no `<`, `>`, `&` or quotes survive. */
	const JSON_FLAGS = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_UNICODE;

	/**
	 * Hooks the revision diff filter.
	 */
	public static function register() {
		add_filter( 'wp_get_revision_ui_diff', array( __CLASS__, 'filter_fields' ), 10, 3 );
	}

	/**
	 * Filter of `wp_get_revision_ui_diff`: swaps the content field's table for the element.
	 *
	 * @param array         $fields       Each with id, name and diff (HTML).
	 * @param WP_Post|false $compare_from The older revision, false for the first one.
	 * @param WP_Post       $compare_to   The newer revision.
	 * @return array
	 */
	public static function filter_fields( $fields, $compare_from, $compare_to ) {
		if ( ! is_array( $fields ) || ! $compare_to instanceof WP_Post ) {
			return $fields;
		}
		$old_content = $compare_from instanceof WP_Post ? (string) $compare_from->post_content : '';
		$new_content = (string) $compare_to->post_content;
		// Core leaves out a field that did not change; so do we.
		if ( $old_content === $new_content ) {
			return $fields;
		}

		$index = self::field_index( $fields );
		if ( Article_Diff_View_Preference::is_classic() || ! Article_Diff_Assets::element_available() ) {
			if ( null !== $index ) {
				$fields[ $index ]['diff'] = self::classic_markup( $fields[ $index ]['diff'] );
			}
			return $fields;
		}

		$markup = self::markup( $compare_from, $compare_to );
		if ( null === $markup ) {
			return $fields;
		}
		$field = array(
			'id'   => self::FIELD,
			'name' => self::field_name( $compare_to ),
			'diff' => $markup,
		);
		if ( null !== $index ) {
			$fields[ $index ] = $field;
		} else {
			// Core found no difference once whitespace was normalised; article-diff shows it as cosmetic.
			array_splice( $fields, self::insert_position( $fields ), 0, array( $field ) );
		}
		return $fields;
	}

	/**
	 * The element for two revisions, with its data block and the link to the classic view.
	 * Its theme follows the admin screen's colour scheme (`theme="page"`): light like the admin
	 * around it, whatever the system prefers, and dark under an admin colour scheme that
	 * declares `color-scheme: dark`.
	 *
	 * @param WP_Post|false $compare_from The older revision, false for the first one.
	 * @param WP_Post       $compare_to   The newer revision.
	 * @return string|null HTML, or null when the texts cannot be encoded
	 */
	public static function markup( $compare_from, WP_Post $compare_to ) {
		$data = wp_json_encode(
			array(
				'oldText' => $compare_from instanceof WP_Post ? self::source( $compare_from->post_content ) : '',
				'newText' => self::source( $compare_to->post_content ),
				'strings' => Article_Diff_Strings::for_element(),
			),
			self::JSON_FLAGS
		);
		if ( false === $data ) {
			// Not even wp_json_encode's UTF-8 repair could encode it: keep the classic table.
			return null;
		}
		return sprintf(
			'<div class="article-diff-revisions"><article-diff format="html" theme="page" old-label="%1$s" new-label="%2$s"><script type="application/json">%3$s</script></article-diff><p class="article-diff-switch"><a href="%4$s">%5$s</a></p></div>',
			esc_attr( self::label( $compare_from ) ),
			esc_attr( self::label( $compare_to ) ),
			$data, // Only \uXXXX escapes stand for <, >, &, ' and ": nothing here can close the block.
			esc_url( Article_Diff_View_Preference::switch_url( Article_Diff_View_Preference::CLASSIC ) ),
			esc_html__( 'Show the classic comparison', 'article-diff' )
		);
	}

	/**
	 * What the element diffs for a revision's content. Block content is handed over raw: its
	 * `<!-- wp:… -->` comments are markup, not text, to an HTML reader. Content from the
	 * classic editor gets its paragraphs the way WordPress renders them (wpautop, which
	 * WordPress itself runs only on content without blocks); otherwise its blank lines
	 * would be whitespace to an HTML reader and the whole post one paragraph.
	 *
	 * @param string $content A revision's post_content.
	 * @return string
	 */
	public static function source( $content ) {
		$content = (string) $content;
		return has_blocks( $content ) ? $content : wpautop( $content );
	}

	/**
	 * A revision's heading over its column: its author and date, as the screen's own
	 * slider tooltips show them. Plain text (escaped where printed).
	 *
	 * @param WP_Post|false $revision A revision, or false for "no earlier revision".
	 * @return string
	 */
	public static function label( $revision ) {
		if ( ! $revision instanceof WP_Post ) {
			return __( 'No earlier revision', 'article-diff' );
		}
		$author = get_the_author_meta( 'display_name', (int) $revision->post_author );
		if ( '' === $author ) {
			$author = __( 'Unknown author', 'article-diff' );
		}
		/* translators: Revision date format, see https://www.php.net/manual/datetime.format.php */
		$date = date_i18n( __( 'M j, Y @ H:i', 'article-diff' ), strtotime( $revision->post_modified ) );
		if ( wp_is_post_autosave( $revision ) ) {
			/* translators: 1: Author name, 2: Revision date. */
			return sprintf( __( 'Autosave by %1$s, %2$s', 'article-diff' ), $author, $date );
		}
		/* translators: 1: Author name, 2: Revision date. */
		return sprintf( __( '%1$s, %2$s', 'article-diff' ), $author, $date );
	}

	/**
	 * The classic table with a link to come back to article-diff above it.
	 *
	 * @param string $table Core's diff HTML.
	 * @return string
	 */
	private static function classic_markup( $table ) {
		if ( ! Article_Diff_Assets::element_available() ) {
			return $table;
		}
		return sprintf(
			'<p class="article-diff-switch"><a href="%1$s">%2$s</a></p>%3$s',
			esc_url( Article_Diff_View_Preference::switch_url( Article_Diff_View_Preference::ARTICLE_DIFF ) ),
			esc_html__( 'Show this comparison with article-diff', 'article-diff' ),
			$table
		);
	}

	/**
	 * Where the content field is in core's list, or null when core left it out.
	 *
	 * @param array $fields Core's fields.
	 * @return int|null
	 */
	private static function field_index( array $fields ) {
		foreach ( $fields as $index => $field ) {
			if ( isset( $field['id'] ) && self::FIELD === $field['id'] ) {
				return $index;
			}
		}
		return null;
	}

	/**
	 * Where the content field goes when core left it out: after the title, as core orders them.
	 *
	 * @param array $fields Core's fields.
	 * @return int
	 */
	private static function insert_position( array $fields ) {
		foreach ( array_values( $fields ) as $position => $field ) {
			if ( isset( $field['id'] ) && 'post_title' === $field['id'] ) {
				return $position + 1;
			}
		}
		return 0;
	}

	/**
	 * The content field's heading as core names it ("Content").
	 *
	 * @param WP_Post $post Any revision of the post.
	 * @return string
	 */
	private static function field_name( WP_Post $post ) {
		$names = _wp_post_revision_fields( $post );
		return isset( $names[ self::FIELD ] ) ? $names[ self::FIELD ] : __( 'Content', 'article-diff' );
	}
}
