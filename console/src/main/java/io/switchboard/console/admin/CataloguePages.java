package io.switchboard.console.admin;

import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceModelService;
import io.switchboard.api.device.DeviceModelService.DeviceModelRequest;
import io.switchboard.api.image.ImageService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.tenancy.OpcoService;
import io.switchboard.api.tenancy.OpcoService.OpcoRequest;
import io.switchboard.api.vnf.VnfPackageService;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Listing;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.vnf.VnfPackage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's catalogue and its operating companies: listed for every administrator, created and
 * uploaded (images and VNF packages with their signature) by the roles the API lets, through its
 * services and with its words beside the fields.
 */
@Controller
@RequestMapping("/console/admin")
public class CataloguePages {
  private final OpcoService opcos;
  private final DeviceModelService models;
  private final ImageService images;
  private final VnfPackageService packages;
  private final Validator validator;

  public CataloguePages(
      OpcoService opcos,
      DeviceModelService models,
      ImageService images,
      VnfPackageService packages,
      Validator validator) {
    this.opcos = opcos;
    this.models = models;
    this.images = images;
    this.packages = packages;
    this.validator = validator;
  }

  @GetMapping("/opcos")
  public String opcos(Pageable pageable, Model model) {
    Pageable page =
        Listing.filters().page(pageable, Set.of("name", "createdAt"), Sort.by("name"), model);
    model.addAttribute(
        "page", opcos.list(CurrentScope.get(), Filters.<OperatingCompany>none(), page));
    Form.offer(model, "opcoForm");
    return "console/opcos";
  }

  @PostMapping("/opcos")
  public String createOpco(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    OpcoRequest request = new OpcoRequest(form.text("name"), form.text("description"));
    OperatingCompany created =
        form.submit(validator, request, r -> opcos.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "opcoForm",
            created,
            c ->
                new Actions.Done(
                    "Operating company '" + c.getName() + "' created.", "/console/admin/opcos"),
            () -> opcos(PageRequest.of(0, 20), model));
  }

  @GetMapping("/device-models")
  public String models(Pageable pageable, Model model) {
    Pageable page =
        Listing.filters()
            .page(pageable, Set.of("name", "vendor", "family"), Sort.by("name"), model);
    model.addAttribute("page", models.list(CurrentScope.get(), Filters.<DeviceModel>none(), page));
    Form.offer(model, "modelForm");
    return "console/device-models";
  }

  @PostMapping("/device-models")
  public String createModel(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    DeviceModelRequest request =
        new DeviceModelRequest(form.text("name"), form.text("vendor"), form.text("family"));
    DeviceModel created =
        form.submit(validator, request, r -> models.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "modelForm",
            created,
            c ->
                new Actions.Done(
                    "Device model '" + c.getName() + "' created.", "/console/admin/device-models"),
            () -> models(PageRequest.of(0, 20), model));
  }

  @GetMapping("/images")
  public String images(
      @RequestParam(required = false) String modelFamily, Pageable pageable, Model model) {
    Pageable page =
        Listing.filters()
            .with("modelFamily", modelFamily)
            .page(
                pageable,
                Set.of("version", "modelFamily", "createdAt"),
                Sort.by("modelFamily", "version"),
                model);
    model.addAttribute(
        "page",
        images.list(
            CurrentScope.get(),
            Filters.<SoftwareImage>equal("modelFamily", Form.trimmed(modelFamily)),
            page));
    Form.offer(model, "imageForm");
    return "console/images";
  }

  /** The API's upload: the same checks in the same order, the file streamed once they pass. */
  @PostMapping("/images")
  public String uploadImage(
      @RequestParam Map<String, String> submitted,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    ImageService.Upload upload =
        new ImageService.Upload(
            orEmpty(form.text("version")),
            orEmpty(form.text("modelFamily")),
            form.text("signature"),
            file == null ? null : file.getOriginalFilename());
    SoftwareImage stored =
        form.attempt(
            () -> uploaded(() -> images.upload(CurrentScope.get(), upload, isEmpty(file), file)));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "imageForm",
            stored,
            c ->
                new Actions.Done(
                    "Image "
                        + c.getVersion()
                        + " for "
                        + c.getModelFamily()
                        + " stored; its signature verifies with key "
                        + c.getSigningKeyId()
                        + ".",
                    "/console/admin/images"),
            () -> images(null, PageRequest.of(0, 20), model));
  }

  @GetMapping("/vnf-packages")
  public String packages(Pageable pageable, Model model) {
    Pageable page =
        Listing.filters()
            .page(
                pageable,
                Set.of("productName", "softwareVersion", "createdAt"),
                Sort.by("provider", "productName", "softwareVersion"),
                model);
    model.addAttribute("page", packages.list(CurrentScope.get(), Filters.<VnfPackage>none(), page));
    Form.offer(model, "packageForm");
    return "console/vnf-packages";
  }

  @PostMapping("/vnf-packages")
  public String uploadPackage(
      @RequestParam Map<String, String> submitted,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    String signature = form.text("signature");
    VnfPackage stored =
        form.attempt(
            () ->
                uploaded(
                    () -> packages.upload(CurrentScope.get(), signature, isEmpty(file), file)));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "packageForm",
            stored,
            c ->
                new Actions.Done(
                    "VNF package "
                        + c.getProductName()
                        + " "
                        + c.getSoftwareVersion()
                        + " onboarded.",
                    "/console/admin/vnf-packages"),
            () -> packages(PageRequest.of(0, 20), model));
  }

  private interface Upload<T> {
    T run() throws IOException;
  }

  private static <T> T uploaded(Upload<T> upload) {
    try {
      return upload.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }

  private static boolean isEmpty(MultipartFile file) {
    return file == null || file.isEmpty();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
