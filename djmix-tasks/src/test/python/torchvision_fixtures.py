"""Writes torchvision reference models with random weights (no download) and their outputs, for the
parity tests of djmix's ResNet-50 and DeepLab-v3 (Debian 12's python3-torch 1.13, python3-torchvision
0.14).

Run from the repository root (Maven runs it in djmix-tasks' generate-test-resources phase):
  /usr/bin/python3 djmix-tasks/src/test/python/torchvision_fixtures.py djmix-tasks/target/torchvision
Output (about 270 MB, never committed):
  resnet50.npz        torchvision.models.resnet50 state_dict, as numpy.savez writes it for users
  resnet50_io.npz     input (2, 3, 83, 61) and eval-mode logits (2, 1000)
  deeplabv3.npz       deeplabv3_resnet50(num_classes=21, aux_loss=True) state_dict
  deeplabv3_io.npz    input; 'head' = classifier logits before upsampling, 'out' and 'aux' as the
                      model returns them (bilinear, align_corners=False, to the input size)
  roi_align.npz       torchvision.ops.roi_align on features (2, 4, 13, 17) and 24 boxes (some partly
                      outside, some tiny), scale 0.5, 7x7: 'out_A_S' and the input gradient 'grad_A_S'
                      of sum(out * upstream) for aligned A in {0, 1} and sampling ratio S in {2, -1}
  anchors.npz         AnchorGenerator((32,)..(512,), (0.5, 1, 2)) on a 96x128 batch with feature
                      maps 24x32, 12x16, 6x8, 3x4, 2x2 ('anchors'), and Matcher(0.7, 0.3, True) on a
                      random IoU matrix with ties ('quality', 'matches')
  fpn.npz, fpn_io.npz FeaturePyramidNetwork([8, 16, 32, 64], 16, LastLevelMaxPool()) state_dict, and
                      its input features (strides 4..32 of a 64x96 image, 'c0'..'c3') and
                      outputs ('p0'..'p3', 'pool')
  rpn_loss.npz        RegionProposalNetwork.compute_loss on 3 images (3, 1 and 0 boxes), two levels
                      (6x8 and 3x4 cells, 3 anchors each, 48x64 image), random objectness and
                      deltas, with a sampler that draws every anchor (so the losses are fixed):
                      'objectness', 'deltas' (per level, as the head writes them), 'anchors',
                      'boxes_N', 'objectness_loss', 'box_loss'
  fasterrcnn.npz      fasterrcnn_resnet50_fpn(num_classes=21) state_dict, BatchNorm statistics measured on
                      the inputs (so activations stay near 1, as in a trained network), score
                      threshold 0.01, no resizing (min_size 1000, max_size 224)
  fasterrcnn_io.npz   two non-square images 150x224 and 120x224 ('image_0', 'image_1'); in evaluation
                      the pyramid ('p0'..'p3', 'pool'), the proposals and their objectness
                      ('proposals_N', 'proposal_scores_N') and the detections ('boxes_N', 'scores_N',
                      'labels_N', 1..20); in training with targets ('target_boxes_N',
                      'target_labels_N') and samplers that draw everything (so the losses are
                      fixed), the four losses ('loss_objectness', 'loss_rpn_box_reg',
                      'loss_classifier', 'loss_box_reg')
  imagenet_eval.npz   torchvision's evaluation transform Resize(round(S / 0.875)) + CenterCrop(S) on
                      PIL images: 'image_N' (H x W x 3 uint8: landscape, portrait, ImageNet-size
                      500x375) and 'out_N' for S = 'size_N'
  cmyk.jpg            a 24x16 CMYK JPEG (PIL, Adobe inverted): left half pure red, right half pure
                      blue (C, M, Y, K = 0/255/255/0 and 255/255/0/0)
  nms.npz             1 500 random boxes with tied scores in 5 classes: torchvision.ops.nms at IoU 0.7
                      ('keep') and batched_nms at 0.5 ('keep_batched')
BatchNorm weights, biases and running statistics are drawn at random too, so that evaluation-mode
normalisation is tested with values other than the defaults. Files are written to a temporary name and
renamed; nothing is rewritten when the outputs are newer than this script.
"""
import os
import sys

import numpy as np
import torch
import torchvision


def randomise_batch_norms(model, generator):
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            c = m.num_features
            with torch.no_grad():
                m.weight.copy_(torch.rand(c, generator=generator) + 0.5)
                m.bias.copy_(torch.randn(c, generator=generator) * 0.1)
                m.running_mean.copy_(torch.randn(c, generator=generator) * 0.1)
                m.running_var.copy_(torch.rand(c, generator=generator) + 0.5)


def save(path, arrays):
    temporary = path + ".tmp.npz"
    np.savez(temporary, **arrays)
    os.replace(temporary, path)


def state(model):
    return {k: v.detach().numpy() for k, v in model.state_dict().items()}


def main(out):
    outputs = [os.path.join(out, n) for n in
               ("resnet50.npz", "resnet50_io.npz", "deeplabv3.npz", "deeplabv3_io.npz",
                "roi_align.npz", "nms.npz", "anchors.npz", "fpn.npz", "fpn_io.npz",
                "rpn_loss.npz", "fasterrcnn.npz", "fasterrcnn_io.npz", "imagenet_eval.npz",
                "cmyk.jpg")]
    script_time = os.path.getmtime(__file__)
    if all(os.path.exists(p) and os.path.getmtime(p) > script_time for p in outputs):
        return
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    x = torch.rand(2, 3, 83, 61, generator=generator)

    resnet = torchvision.models.resnet50(weights=None)
    randomise_batch_norms(resnet, generator)
    resnet.eval()
    with torch.no_grad():
        logits = resnet(x)
    save(outputs[0], state(resnet))
    save(outputs[1], {"input": x.numpy(), "logits": logits.numpy()})

    deeplab = torchvision.models.segmentation.deeplabv3_resnet50(
        weights=None, weights_backbone=None, num_classes=21, aux_loss=True)
    randomise_batch_norms(deeplab, generator)
    deeplab.eval()
    with torch.no_grad():
        features = deeplab.backbone(x)
        head = deeplab.classifier(features["out"])
        result = deeplab(x)
    save(outputs[2], state(deeplab))
    save(outputs[3], {"input": x.numpy(), "head": head.numpy(),
                      "out": result["out"].numpy(), "aux": result["aux"].numpy()})

    save(outputs[4], roi_align_cases(generator))
    save(outputs[5], nms_cases(generator))
    save(outputs[6], anchor_and_matcher_cases(generator))
    fpn, fpn_io = pyramid_case(generator)
    save(outputs[7], fpn)
    save(outputs[8], fpn_io)
    save(outputs[9], rpn_loss_case(generator))
    detector, detector_io = faster_rcnn_case(generator)
    save(outputs[10], detector)
    save(outputs[11], detector_io)
    save(outputs[12], imagenet_evaluation_cases(generator))
    cmyk_jpeg(outputs[13])


def imagenet_evaluation_cases(generator):
    from PIL import Image
    import torchvision.transforms as T
    arrays = {}
    for n, (h, w, size) in enumerate([(41, 53, 16), (53, 41, 16), (375, 500, 224)]):
        image = (torch.rand(h, w, 3, generator=generator) * 255).round().to(torch.uint8).numpy()
        transform = T.Compose([T.Resize(round(size / 0.875)), T.CenterCrop(size)])
        arrays["image_%d" % n] = image
        arrays["out_%d" % n] = np.asarray(transform(Image.fromarray(image)))
        arrays["size_%d" % n] = np.array(size)
    return arrays


def cmyk_jpeg(path):
    from PIL import Image
    cmyk = np.zeros((16, 24, 4), dtype=np.uint8)
    cmyk[:, :12] = (0, 255, 255, 0)
    cmyk[:, 12:] = (255, 255, 0, 0)
    temporary = path + ".tmp"
    Image.fromarray(cmyk, mode="CMYK").save(temporary, format="JPEG", quality=95)
    os.replace(temporary, path)


def faster_rcnn_case(generator):
    from torchvision.models.detection.rpn import concat_box_prediction_layers
    model = torchvision.models.detection.fasterrcnn_resnet50_fpn(
        weights=None, weights_backbone=None, num_classes=21, min_size=1000, max_size=224,
        box_score_thresh=0.01)
    randomise_batch_norms(model, generator)
    images = [torch.rand(3, 150, 224, generator=generator), torch.rand(3, 120, 224, generator=generator)]
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.reset_running_stats()
            m.momentum = None
    model.train()
    with torch.no_grad():
        model.backbone(model.transform(images)[0].tensors)
        model.roi_heads.box_predictor.cls_score.weight.normal_(0, 0.05, generator=generator)
        model.rpn.head.cls_logits.weight.normal_(0, 0.02, generator=generator)
    model.eval()
    io = {"image_%d" % n: image.numpy() for n, image in enumerate(images)}
    with torch.no_grad():
        batch, _ = model.transform(images)
        features = model.backbone(batch.tensors)
        levels = list(features.values())
        rpn = model.rpn
        objectness, deltas = rpn.head(levels)
        anchors = rpn.anchor_generator(batch, levels)
        per_level = [o[0].numel() for o in objectness]
        objectness, deltas = concat_box_prediction_layers(objectness, deltas)
        decoded = rpn.box_coder.decode(deltas, anchors).view(len(images), -1, 4)
        proposals, scores = rpn.filter_proposals(decoded, objectness, batch.image_sizes, per_level)
        detections, _ = model.roi_heads(features, proposals, batch.image_sizes)
    for k, v in features.items():
        io[("p" + k if k != "pool" else k)] = v.numpy()
    for n in range(len(images)):
        io["proposals_%d" % n] = proposals[n].numpy()
        io["proposal_scores_%d" % n] = scores[n].numpy()
        for key in ("boxes", "scores", "labels"):
            io["%s_%d" % (key, n)] = detections[n][key].numpy()
    targets = [dict(boxes=torch.tensor([[10.0, 20.0, 90.0, 140.0], [100.0, 5.0, 200.0, 60.0]]),
                    labels=torch.tensor([3, 17])),
               dict(boxes=torch.tensor([[50.0, 30.0, 120.0, 100.0]]), labels=torch.tensor([1]))]
    for n, t in enumerate(targets):
        io["target_boxes_%d" % n] = t["boxes"].numpy()
        io["target_labels_%d" % n] = t["labels"].numpy()
    model.train()
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.eval()  # frozen, as torchvision's pretrained detectors' FrozenBatchNorm2d
    model.rpn.fg_bg_sampler.batch_size_per_image = 10 ** 6
    model.roi_heads.fg_bg_sampler.batch_size_per_image = 10 ** 6
    with torch.no_grad():
        losses = model(images, targets)
    for k, v in losses.items():
        io[k] = v.numpy()
    return state(model), io


def rpn_loss_case(generator):
    from torchvision.models.detection.anchor_utils import AnchorGenerator
    from torchvision.models.detection.image_list import ImageList
    from torchvision.models.detection.rpn import RegionProposalNetwork, concat_box_prediction_layers
    generator_of_anchors = AnchorGenerator(((16,), (32,)), ((0.5, 1.0, 2.0),) * 2)
    rpn = RegionProposalNetwork(generator_of_anchors, None, 0.7, 0.3, 10 ** 6, 0.5,
                                dict(training=100), dict(training=100), 0.7)
    images = ImageList(torch.zeros(3, 3, 48, 64), [(48, 64)] * 3)
    grids = [(6, 8), (3, 4)]
    objectness = [torch.randn(3, 3, h, w, generator=generator) for h, w in grids]
    deltas = [torch.randn(3, 12, h, w, generator=generator) * 0.5 for h, w in grids]
    anchors = generator_of_anchors(images, [torch.zeros(3, 1, h, w) for h, w in grids])
    boxes = [torch.tensor([[4.0, 6.0, 20.0, 30.0], [30.0, 2.0, 62.0, 20.0], [10.0, 20.0, 41.0, 47.0]]),
             torch.tensor([[0.0, 0.0, 13.0, 9.0]]), torch.zeros(0, 4)]
    labels, matched = rpn.assign_targets_to_anchors(anchors, [dict(boxes=b) for b in boxes])
    targets = rpn.box_coder.encode(matched, anchors)
    flat_objectness, flat_deltas = concat_box_prediction_layers(objectness, deltas)
    objectness_loss, box_loss = rpn.compute_loss(flat_objectness, flat_deltas, labels, targets)
    arrays = {"anchors": anchors[0].numpy(), "objectness_loss": objectness_loss.numpy(),
              "box_loss": box_loss.numpy()}
    for level in range(2):
        arrays["objectness_%d" % level] = objectness[level].numpy()
        arrays["deltas_%d" % level] = deltas[level].numpy()
    for n, b in enumerate(boxes):
        arrays["boxes_%d" % n] = b.numpy()
    return arrays


def pyramid_case(generator):
    from torchvision.ops.feature_pyramid_network import FeaturePyramidNetwork, LastLevelMaxPool
    fpn = FeaturePyramidNetwork([8, 16, 32, 64], 16, extra_blocks=LastLevelMaxPool())
    with torch.no_grad():
        for p in fpn.parameters():
            p.copy_(torch.randn(p.shape, generator=generator) * 0.2)
    inputs = {str(i): torch.randn(1, 8 << i, 16 >> i, 24 >> i, generator=generator)
              for i in range(4)}
    with torch.no_grad():
        outputs = fpn(inputs)
    io = {"c" + k: v.numpy() for k, v in inputs.items()}
    io.update({("p" + k if k != "pool" else k): v.numpy() for k, v in outputs.items()})
    return state(fpn), io


def anchor_and_matcher_cases(generator):
    from torchvision.models.detection.anchor_utils import AnchorGenerator
    from torchvision.models.detection.image_list import ImageList
    from torchvision.models.detection._utils import Matcher
    anchors = AnchorGenerator(((32,), (64,), (128,), (256,), (512,)), ((0.5, 1.0, 2.0),) * 5)
    images = ImageList(torch.zeros(1, 3, 96, 128), [(96, 128)])
    grids = [(24, 32), (12, 16), (6, 8), (3, 4), (2, 2)]
    features = [torch.zeros(1, 256, h, w) for h, w in grids]
    quality = (torch.randint(0, 10, (4, 60), generator=generator).float() / 10)
    matches = Matcher(0.7, 0.3, allow_low_quality_matches=True)(quality)
    return {"anchors": anchors(images, features)[0].numpy(), "quality": quality.numpy(),
            "matches": matches.numpy()}


def roi_align_cases(generator):
    features = torch.randn(2, 4, 13, 17, generator=generator)
    corners = torch.rand(24, 2, generator=generator) * torch.tensor([40.0, 30.0]) - 4
    sizes = torch.rand(24, 2, generator=generator) * torch.tensor([20.0, 16.0])
    sizes[:4] = sizes[:4] * 0.05  # tiny boxes: below one feature pixel
    boxes = torch.cat([corners, corners + sizes], 1)
    batch = (torch.arange(24) % 2).float().unsqueeze(1)
    rois = torch.cat([batch, boxes], 1)
    upstream = torch.randn(24, 4, 7, 7, generator=generator)
    arrays = {"input": features.numpy(), "rois": rois.numpy(), "upstream": upstream.numpy()}
    for aligned in (0, 1):
        for sampling in (2, -1):
            x = features.clone().requires_grad_(True)
            out = torchvision.ops.roi_align(x, rois, (7, 7), spatial_scale=0.5,
                                            sampling_ratio=sampling, aligned=bool(aligned))
            (out * upstream).sum().backward()
            name = "%d_%d" % (aligned, sampling)
            arrays["out_" + name] = out.detach().numpy()
            arrays["grad_" + name] = x.grad.numpy()
    return arrays


def nms_cases(generator):
    n = 1500
    corners = torch.rand(n, 2, generator=generator) * 200
    sizes = torch.rand(n, 2, generator=generator) * 60 + 1
    boxes = torch.cat([corners, corners + sizes], 1)
    scores = torch.randint(0, 50, (n,), generator=generator).float() / 50  # many ties
    classes = torch.randint(0, 5, (n,), generator=generator)
    return {"boxes": boxes.numpy(), "scores": scores.numpy(), "classes": classes.numpy(),
            "keep": torchvision.ops.nms(boxes, scores, 0.7).numpy(),
            "keep_batched": torchvision.ops.batched_nms(boxes, scores, classes, 0.5).numpy()}


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "djmix-tasks/target/torchvision")
