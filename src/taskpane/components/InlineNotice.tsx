import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { LongMessage } from './LongMessage';

import type { Notice } from '../services/notices';

export type { Notice };

/** A result or refusal shown right beside the button that caused it. */
export function InlineNotice({ notice, id }: { notice: Notice | null | undefined; id?: string }) {
  return (
    <div aria-live="polite" id={id}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-notice={notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle> <LongMessage text={notice.text} />
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
