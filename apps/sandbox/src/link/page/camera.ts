// The camera for the identity step. The photo is sent to the sandbox, which checks that it is
// an image and discards it: only the decision is kept.

export interface Camera {
  /** Starts the preview. Rejects with the browser's error (`NotAllowedError` when blocked). */
  start: () => Promise<void>
  /** A 320 px wide JPEG of the current frame, as a data URL; stops the camera. */
  capture: () => string
  stop: () => void
}

export function createCamera(video: HTMLVideoElement): Camera {
  let stream: MediaStream | null = null

  function stop() {
    stream?.getTracks().forEach((track) => track.stop())
    stream = null
    video.hidden = true
  }

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) throw new Error('No camera API')
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'user', width: { ideal: 640 } },
      audio: false,
    })
    video.srcObject = stream
    video.hidden = false
    await video.play()
  }

  function capture() {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = Math.round((320 * (video.videoHeight || 240)) / (video.videoWidth || 320))
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height)
    const image = canvas.toDataURL('image/jpeg', 0.8)
    stop()
    return image
  }

  window.addEventListener('pagehide', stop)
  return { start, capture, stop }
}
