// What a valid project is, for forms and services alike.
import { z } from 'zod';
import { storableText } from '../text/storable-text';

export const ProjectName = storableText().trim().min(1, 'Name the project.').max(100, 'Use at most 100 characters.');

export const ProjectId = z.uuid('That project no longer exists.');
