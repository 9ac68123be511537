/// <reference types="office-js" />
/**
 * Ribbon function file (manifest FunctionFile → commands.html). The only ribbon button uses the
 * declarative ShowTaskpane action, so no function is associated here: Office needs the page to
 * load and call Office.onReady before it shows the button as ready.
 */
export async function initCommands(): Promise<Office.HostType | null> {
  const info = await Office.onReady();
  return info.host ?? null;
}

void initCommands();
