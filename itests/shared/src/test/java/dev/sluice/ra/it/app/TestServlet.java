package dev.sluice.ra.it.app;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The tests' window into the application: {@code POST /it/send?queue=&text=&via=resource|context&rollback=}
 * sends in a container transaction ({@code topic=} instead of {@code queue=} publishes); {@code GET /it/seen?queue=} lists what the MDBs of that queue saw.
 */
@WebServlet("/it/*")
public class TestServlet extends HttpServlet {

    @EJB
    private Sender sender;

    @EJB
    private Recorder recorder;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String queue = req.getParameter("queue");
        String text = req.getParameter("text");
        boolean rollback = Boolean.parseBoolean(req.getParameter("rollback"));
        try {
            if (req.getParameter("topic") != null) {
                sender.publish(req.getParameter("topic"), text, req.getParameter("via"));
            } else if ("context".equals(req.getParameter("via"))) {
                sender.sendWithContext(queue, text, rollback);
            } else {
                sender.send(queue, text, rollback, "elsewhere".equals(req.getParameter("via")));
            }
            resp.setStatus(204);
        } catch (Exception e) {
            resp.setStatus(500);
            resp.getWriter().println(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        for (String line : recorder.seen(req.getParameter("queue"))) {
            resp.getWriter().println(line);
        }
    }
}
