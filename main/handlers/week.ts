import path from 'node:path';
import type { weekChannels } from '../../shared/ipc/week';
import { commitFlagFile, previewFlagFile } from '../services/flagImport';
import { flagSheetFor, writeFlagSheet } from '../services/flagSheet';
import { invite, inviteWeek } from '../services/invitations';
import { getPracticeDetails, savePracticeDetails } from '../services/practice';
import { printsFolder, printWeek, slug } from '../services/print';
import type { HandlerMap } from './types';

export const weekHandlers: HandlerMap<keyof typeof weekChannels> = {
  'practice:get': (ctx) => getPracticeDetails(ctx),
  'practice:save': savePracticeDetails,
  'rounds:invite': invite,
  'rounds:invite-week': inviteWeek,
  'rounds:print-week': async (ctx, input) => {
    const week = await printWeek(ctx, { from: input.from });
    return { from: week.from, to: week.to, homes: week.homes };
  },
  'flags:sheet-save': async (ctx, input) => {
    const sheet = await flagSheetFor(ctx, input.homeId);
    const fileName = `flags-${slug(sheet.homeName)}-week-of-${sheet.weekOf}.${input.format}`;
    // The main process owns where files go: the save dialog when there is one, else the prints folder.
    const chosen = ctx.chooseSaveFile ? await ctx.chooseSaveFile(fileName) : path.join(printsFolder(ctx), fileName);
    if (chosen === null) return { path: '', fileName };
    const written = await writeFlagSheet(ctx, { homeId: input.homeId, file: chosen, format: input.format });
    return { path: written.path, fileName: path.basename(written.path) };
  },
  'flags:choose-file': async (ctx) => {
    if (!ctx.chooseFile) return { file: null, available: false };
    const chosen = await ctx.chooseFile({ title: 'Choose a care home’s flag file', extensions: ['csv', 'xlsx'], kindName: 'Flag sheets (CSV or Excel)' });
    return { file: chosen === null ? null : ctx.files.register(chosen, 'read'), available: true };
  },
  'flags:import-preview': previewFlagFile,
  'flags:import-commit': commitFlagFile,
};
