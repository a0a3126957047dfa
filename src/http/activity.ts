// The minimal shape an inbound Bot Framework activity must have before it reaches the adapter.
import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const inboundActivity = z
    .object({
        type: z.string().min(1).max(64),
        serviceUrl: z.string().url().max(2048),
        channelId: z.string().min(1).max(64),
        conversation: account,
        from: account,
        recipient: account,
        text: z.string().max(28_000).optional(),
    })
    .passthrough();
