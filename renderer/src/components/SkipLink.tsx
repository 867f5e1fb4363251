/** Skips to the main content by moving focus, without changing the route hash. */
export function SkipLink() {
  return (
    <a
      className="nhsuk-skip-link"
      href="#maincontent"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('maincontent');
        main?.focus();
        main?.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to main content
    </a>
  );
}
