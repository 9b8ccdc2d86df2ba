/**
 * EC2 describes every resource with its `Tags` (`[{ Key, Value }]`), and the model names EC2
 * instances and volumes by their `Name` tag, else their id.
 */
import type { Tag } from '@aws-sdk/client-ec2';
import type { Tags } from '../../../model/resource.js';
import { tagMap } from '../../contract/normalise.js';

export function ec2Tags(list: readonly Tag[] | undefined): Tags {
  return tagMap<Tag>(
    list,
    (tag) => tag.Key,
    (tag) => tag.Value,
  );
}

/** The `Name` tag when it is not blank, else the id. */
export function nameTagOrId(tags: Tags, id: string): string {
  const name = tags['Name'];
  return name !== undefined && name.trim() !== '' ? name : id;
}
