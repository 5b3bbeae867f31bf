// Page model of the frame around every desk screen: the navigation and the light/dark switch.
import type { Page } from 'playwright-core';

export type DeskScreen = 'calendar' | 'customers' | 'messages' | 'services' | 'staff' | 'settings';

export class DeskShell {
  constructor(readonly page: Page) {}

  async go(screen: DeskScreen): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await this.page.locator(`[data-testid="nav-${screen}"][aria-current="page"]`).waitFor();
  }

  /** Flips the switch only when the other scheme is shown; the choice outlives a reload. */
  async useScheme(scheme: 'light' | 'dark'): Promise<void> {
    const toggle = this.page.getByTestId('color-scheme-toggle');
    if ((await toggle.getAttribute('data-scheme')) !== scheme) await toggle.click();
    await this.page.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor();
  }
}
