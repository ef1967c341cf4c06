"""Requests from the browser held until the test lets them go, so that what a person does
meanwhile surely falls in the gap.

The route is set before the first page loads: one added to a page already open has, once in
a few hundred runs, let the very next request through unseen. Until `hold()` the matching
requests go on as usual."""

from playwright.sync_api import Page, Route


class HeldRequests:
    def __init__(self, page: Page, pattern: str):
        self._page = page
        self._pattern = pattern
        self._holding = False
        self.held: list[Route] = []
        page.route(pattern, self._arrived)

    def _arrived(self, route: Route) -> None:
        if self._holding:
            self.held.append(route)
        else:
            route.fallback()

    def hold(self) -> None:
        """Hold every matching request from now on."""
        self._holding = True

    def first(self) -> Route:
        """The first held request, once the browser has sent it."""
        for _ in range(400):  # the route's callback runs while Playwright waits
            if self.held:
                return self.held[0]
            self._page.wait_for_timeout(50)
        raise AssertionError(f"the browser never sent a request to {self._pattern}")
