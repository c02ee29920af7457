/**
 * The registry's `adb:` backend: "adb:<serial>" opens that device, "adb" the only attached one,
 * "adb*N" the first N attached devices. The server port comes from ANDROID_ADB_SERVER_PORT
 * (default 5037), the client from STEPWISE_ADB (default `adb` on PATH).
 */
import type { Device } from '../../core/device.js';
import { StepwiseError } from '../../core/errors.js';
import { AdbClient } from './client.js';
import { AdbDevice } from './device.js';

export async function openAdb(spec: { arg: string; count: number }): Promise<{ devices: Device[]; close(): Promise<void> }> {
  const devices: AdbDevice[] = [];
  if (spec.arg) {
    if (spec.count !== 1) throw new StepwiseError('config_error', `adb:${spec.arg}*${spec.count} names one device ${spec.count} times`, 'list serials separately: adb:SERIAL1,adb:SERIAL2');
    devices.push(await AdbDevice.connect({ serial: spec.arg }));
  } else if (spec.count === 1) {
    devices.push(await AdbDevice.connect());
  } else {
    const ready = (await new AdbClient().devices()).filter((d) => d.state === 'device');
    if (ready.length < spec.count) throw new StepwiseError('config_error', `asked for ${spec.count} adb devices but ${ready.length} are attached`, 'check `adb devices -l`');
    for (const d of ready.slice(0, spec.count)) devices.push(await AdbDevice.connect({ serial: d.serial }));
  }
  return { devices, close: async () => { await Promise.allSettled(devices.map((d) => d.close())); } };
}
