/**
 * What `stepwise devices` lists: the built-in sandbox phone, every adb device (`adb devices -l`,
 * with screen size for ready ones) and how to open a web page. adb problems become a note on
 * the listing rather than an error, so the other backends are still shown.
 */
import { errorMessage } from '../../core/errors.js';
import { SANDBOX_HEIGHT, SANDBOX_WIDTH } from '../sandbox/device.js';
import { AdbClient, type AdbClientOptions } from './client.js';
import { AdbDevice } from './device.js';

export interface DeviceRow {
  /** What to pass to --device. */
  spec: string;
  backend: 'sandbox' | 'adb' | 'browser';
  platform: 'phone' | 'web';
  state: string;
  width?: number;
  height?: number;
  rotation?: number;
  model?: string;
  note?: string;
}

export async function discoverDevices(opts: AdbClientOptions = {}): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [{ spec: 'sandbox', backend: 'sandbox', platform: 'phone', state: 'available', width: SANDBOX_WIDTH, height: SANDBOX_HEIGHT, rotation: 0, model: 'stepwise sandbox phone', note: 'sandbox*N opens N phones' }];
  try {
    const client = new AdbClient(opts);
    for (const e of await client.devices()) {
      const row: DeviceRow = { spec: `adb:${e.serial}`, backend: 'adb', platform: 'phone', state: e.state, model: e.props.model?.replace(/_/g, ' ') };
      if (e.state === 'device') {
        try {
          const info = await (await AdbDevice.connect({ ...opts, serial: e.serial })).info();
          Object.assign(row, { width: info.width, height: info.height, rotation: info.rotation, model: info.model ?? row.model });
        } catch (err) {
          row.note = errorMessage(err);
        }
      } else if (e.state === 'unauthorized') row.note = 'accept the "Allow USB debugging?" prompt on the phone';
      rows.push(row);
    }
  } catch (err) {
    rows.push({ spec: 'adb', backend: 'adb', platform: 'phone', state: 'unavailable', note: errorMessage(err) });
  }
  rows.push({ spec: 'browser:<url>', backend: 'browser', platform: 'web', state: 'available', width: 1280, height: 800, note: 'any URL; browser:mobile:<url> for a 1170x2532 phone viewport' });
  return rows;
}
