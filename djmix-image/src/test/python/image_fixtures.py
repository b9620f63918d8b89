"""Writes the expected outputs of djmix's image primitives, computed with the libraries whose
semantics they reproduce (scikit-image 0.19, SciPy 1.10, OpenCV 4.6, Pillow 9.4; Debian 12's
python3-skimage, python3-scipy, python3-opencv, python3-pil).

Run from the repository root:  python3 djmix-image/src/test/python/image_fixtures.py
Output: djmix-image/src/test/resources/org/djmix/image/fixtures.json (values planar, C×H×W).
"""
import json

import cv2
import numpy as np
import scipy.ndimage as ndi
import skimage
import skimage.color
import skimage.filters
from PIL import Image

H, W = 12, 10


def test_image(h=H, w=W):
    """uint8 H×W×3, the same formula as ImageFixtures.testImage in the Java tests."""
    y, x, c = np.meshgrid(np.arange(h), np.arange(w), np.arange(3), indexing="ij")
    return ((x * 37 + y * 91 + c * 53 + x * y * 7) % 256).astype(np.uint8)


def planar(a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 2:
        a = a[..., None]
    return {"shape": [a.shape[2], a.shape[0], a.shape[1]],
            "values": a.transpose(2, 0, 1).ravel().tolist()}


def disk(radius, alias_blur):
    L = np.arange(-8, 8 + 1) if radius <= 8 else np.arange(-radius, radius + 1)
    ksize = (3, 3) if radius <= 8 else (5, 5)
    X, Y = np.meshgrid(L, L)
    d = np.array((X ** 2 + Y ** 2) <= radius ** 2, dtype=np.float32)
    d /= np.sum(d)
    return cv2.GaussianBlur(d, ksize=ksize, sigmaX=alias_blur)


img = test_image()
x = img / 255.0
out = {"versions": {"skimage": skimage.__version__, "scipy": __import__("scipy").__version__,
                    "cv2": cv2.__version__, "PIL": Image.__version__}}
out["gaussian_nearest_0.7"] = planar(
    skimage.filters.gaussian(x, sigma=0.7, channel_axis=-1, mode="nearest", truncate=4.0))
out["gaussian_reflect_1.5_t3"] = planar(
    ndi.gaussian_filter(x[..., 0], 1.5, mode="reflect", truncate=3))
hsv = skimage.color.rgb2hsv(x)
out["rgb2hsv"] = planar(hsv)
hsv[..., 2] = np.clip(hsv[..., 2] + 0.1, 0, 1)
hsv[..., 1] = np.clip(hsv[..., 1] * 1.5, 0, 1)
out["hsv2rgb_v+0.1_s*1.5"] = planar(skimage.color.hsv2rgb(hsv))
out["zoom_1.3"] = planar(ndi.zoom(x, (1.3, 1.3, 1), order=1))
out["box_7x5"] = planar(np.array(Image.fromarray(img).resize((7, 5), Image.BOX)))
out["box_7x5_back"] = planar(
    np.array(Image.fromarray(img).resize((7, 5), Image.BOX).resize((W, H), Image.BOX)))
big = test_image(32, 32)
out["box32_27_32"] = planar(
    np.array(Image.fromarray(big).resize((27, 27), Image.BOX).resize((32, 32), Image.BOX)))
wide = test_image(32, 40)
out["bilinear_crop_down"] = planar(
    np.array(Image.fromarray(wide).crop((3, 5, 33, 25)).resize((13, 11), Image.BILINEAR)))
out["bilinear_crop_up"] = planar(
    np.array(Image.fromarray(wide).crop((7, 2, 19, 12)).resize((30, 25), Image.BILINEAR)))
out["bilinear_window"] = planar(
    np.array(Image.fromarray(wide).resize((37, 29), Image.BILINEAR).crop((4, 3, 24, 18))))
kernel = disk(1.5, 0.1)
out["disk_1.5_0.1"] = {"shape": [1, kernel.shape[0], kernel.shape[1]],
                       "values": kernel.astype(np.float64).ravel().tolist()}
out["filter2d_disk_1.5_0.1"] = planar(cv2.filter2D(x[..., 0], -1, kernel))
pts1 = np.float32([[6, 7], [8, 3], [2, 3]])
pts2 = np.float32([[6.4, 7.9], [7.1, 2.2], [2.5, 3.6]])
M = cv2.getAffineTransform(pts1, pts2)
out["affine_matrix"] = {"shape": [1, 2, 3], "values": M.ravel().tolist()}
out["warp_affine_reflect101"] = planar(
    cv2.warpAffine(x, M, (W, H), borderMode=cv2.BORDER_REFLECT_101))
rng = np.random.RandomState(0)
dy = rng.uniform(-3, 3, size=(H, W))
dx = rng.uniform(-3, 3, size=(H, W))
out["remap_dy"] = planar(dy)
out["remap_dx"] = planar(dx)
yy, xx = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")
out["map_coordinates_reflect"] = planar(
    ndi.map_coordinates(x[..., 0], [yy + dy, xx + dx], order=1, mode="reflect"))
with open("djmix-image/src/test/resources/org/djmix/image/fixtures.json", "w") as f:
    json.dump(out, f)
print("wrote", len(out), "fixtures")
